package dev.reelbot.videoapi;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Cuts off a transfer slower than a minimum rate, judged over whole windows (a few seconds each), so a short stall
 * is forgiven but a host dripping a byte a second is not. A read that blocks for a whole window is cut off by the
 * body's read timeout, which the caller sets to {@link #window()}.
 *
 * <p>Threading: one per transfer, used by the thread doing it.
 */
final class RateFloor {
    private final long minBytesPerSecond;
    private final Duration window;
    private final LongSupplier nanoTime;
    private long windowStart;
    private long windowBytes;

    /** @param minBytesPerSecond 0 for no minimum */
    RateFloor(long minBytesPerSecond, Duration window, LongSupplier nanoTime) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.window = window;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    Duration window() {
        return window;
    }

    /** Counts {@code bytes} just received; throws when a window closed below the minimum rate. */
    void received(long bytes) throws SlowTransfer {
        windowBytes += bytes;
        long now = nanoTime.getAsLong();
        long elapsed = now - windowStart;
        if (elapsed < window.toNanos()) {
            return;
        }
        long rate = Math.round(windowBytes * 1e9 / elapsed);
        if (rate < minBytesPerSecond) {
            throw new SlowTransfer("the video arrived at " + rate + " bytes/s over " + window.toMillis() / 1000.0
                    + " s, under the minimum of " + minBytesPerSecond + " bytes/s (delivery.min-rate)");
        }
        windowStart = now;
        windowBytes = 0;
    }

    /** A transfer cut off for being too slow. */
    static final class SlowTransfer extends IOException {
        SlowTransfer(String message) {
            super(message);
        }
    }
}
