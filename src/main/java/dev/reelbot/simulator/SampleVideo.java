package dev.reelbot.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's result: a real 4-second MP4 (a committed resource), and for {@code [big]} jobs the same video
 * followed by an MP4 {@code free} box of padding, which players skip, so it still plays while weighing over 10 MiB.
 */
final class SampleVideo {
    static final long BIG_SIZE = 11L * 1024 * 1024;
    private static final String RESOURCE = "/simulator/sample.mp4";

    private final byte[] bytes;

    private SampleVideo(byte[] bytes) {
        this.bytes = bytes;
    }

    static SampleVideo load() {
        try (InputStream in = SampleVideo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new SampleVideo(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long length(boolean big) {
        return big ? BIG_SIZE : bytes.length;
    }

    InputStream open(boolean big) {
        if (!big) {
            return new ByteArrayInputStream(bytes);
        }
        long padding = BIG_SIZE - bytes.length;
        ByteBuffer header = ByteBuffer.allocate(8).putInt((int) padding).put("free".getBytes(StandardCharsets.US_ASCII));
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(bytes),
                new ByteArrayInputStream(header.array())), new ZeroStream(padding - 8));
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
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
