package dev.reelbot.testing;

import dev.reelbot.core.TranscodeException;
import dev.reelbot.core.Transcoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A transcoder for engine tests, where the media stage's decisions are under test and ffmpeg's output is not (the
 * real one is tested on real clips): a "fit" keeps the first half of the limit's worth of bytes, so the result
 * starts like the MP4 it came from; it can fail the way ffmpeg does, or hold until a test lets it go, to prove
 * where it runs. Thread-safe.
 */
public final class FakeTranscoder implements Transcoder {
    private final List<Long> fitLimits = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile TranscodeException failure;
    private volatile CountDownLatch gate;

    /** From now on every fit fails with {@code message}, as ffmpeg's failures and time limits do. */
    public void failWith(String message) {
        failure = new TranscodeException(message, "ffmpeg: the last lines it printed");
    }

    /** From now on every fit waits until {@link #release} (at most a minute). */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /** The limits fits were asked for, in order. */
    public List<Long> fitLimits() {
        return List.copyOf(fitLimits);
    }

    /** The threads fits ran on. */
    public List<String> threads() {
        return List.copyOf(threads);
    }

    @Override
    public String describe() {
        return "fake transcoder";
    }

    @Override
    public Fitted fit(Path source, long maxBytes, Path target) throws TranscodeException {
        fitLimits.add(maxBytes);
        threads.add(Thread.currentThread().getName());
        CountDownLatch waitFor = gate;
        try {
            if (waitFor != null && !waitFor.await(1, TimeUnit.MINUTES)) {
                throw new TranscodeException("held too long", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscodeException("interrupted", null, e);
        }
        if (failure != null) {
            throw failure;
        }
        long bytes = Math.min(maxBytes / 2, size(source));
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            out.write(in.readNBytes((int) bytes));
        } catch (IOException e) {
            throw new TranscodeException("could not write", e.toString(), e);
        }
        return new Fitted(bytes, "640x360", Duration.ofSeconds(4), Duration.ofMillis(10));
    }

    @Override
    public void poster(Path source, Path target) throws TranscodeException {
        try {
            Files.write(target, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0});
        } catch (IOException e) {
            throw new TranscodeException("could not write", e.toString(), e);
        }
    }

    private static long size(Path file) throws TranscodeException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new TranscodeException("unreadable", e.toString(), e);
        }
    }
}
