package dev.reelbot.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The simulator's results: a real 4-second MP4 (a committed resource), and for {@code [big]} jobs a real clip of
 * over 10 MiB ({@link BigVideo}). Where ffmpeg could not make that clip, {@code [big]} serves the sample followed by
 * an MP4 {@code free} box of padding, which players skip: it still plays, but it is no real large video.
 */
final class SampleVideo {
    static final long PADDED_SIZE = 11L * 1024 * 1024;
    private static final String RESOURCE = "/simulator/sample.mp4";

    private final byte[] bytes;
    private final BigVideo big;

    private SampleVideo(byte[] bytes, BigVideo big) {
        this.bytes = bytes;
        this.big = big;
    }

    /** The sample, and the {@code [big]} clip made (or being made) beside it. */
    static SampleVideo load() {
        try (InputStream in = SampleVideo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new SampleVideo(in.readAllBytes(), BigVideo.prepare());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One video to send: its length, and its bytes. */
    record Served(long length, InputStream content) {
    }

    Served open(boolean large) {
        if (!large) {
            return new Served(bytes.length, new ByteArrayInputStream(bytes));
        }
        Optional<Path> clip = big.file();
        if (clip.isPresent()) {
            try {
                return new Served(Files.size(clip.get()), Files.newInputStream(clip.get()));
            } catch (IOException e) {
                throw new UncheckedIOException("the [big] clip " + clip.get() + " cannot be read", e);
            }
        }
        long padding = PADDED_SIZE - bytes.length;
        ByteBuffer header = ByteBuffer.allocate(8).putInt((int) padding).put("free".getBytes(StandardCharsets.US_ASCII));
        return new Served(PADDED_SIZE, new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(bytes),
                new ByteArrayInputStream(header.array())), new ZeroStream(padding - 8)));
    }

    /** What {@code [big]} serves, in words. */
    String describeBig() {
        return big.describe();
    }

    /** {@code n} zero bytes, produced on demand rather than held in memory. */
    private static final class ZeroStream extends InputStream {
        private long remaining;

        ZeroStream(long n) {
            this.remaining = n;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            Arrays.fill(b, off, off + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
