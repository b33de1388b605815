package dev.reelbot.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code capacity} tokens, refilled evenly; a call takes one, or learns how long until one would be
 * there. Chat adapters use it to stay inside a platform's rate limits without blocking a worker.
 *
 * <p>Threading: thread-safe; {@link #take} holds the bucket's lock briefly.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private Instant refilledAt;

    /** A full bucket of {@code capacity} tokens that refills {@code perInterval} tokens every {@code interval}. */
    public TokenBucket(double capacity, double perInterval, Duration interval, Instant now) {
        this.capacity = capacity;
        this.perMilli = perInterval / interval.toMillis();
        this.tokens = capacity;
        this.refilledAt = now;
    }

    public double capacity() {
        return capacity;
    }

    /**
     * Takes a token when more than {@code reserve} remain after refilling, and returns zero; otherwise takes nothing
     * and returns the wait until one would.
     */
    public synchronized Duration take(Instant now, double reserve) {
        long elapsed = Math.max(0, Duration.between(refilledAt, now).toMillis());
        tokens = Math.min(capacity, tokens + elapsed * perMilli);
        refilledAt = now;
        if (tokens - 1 >= reserve - 1e-9) {
            tokens -= 1;
            return Duration.ZERO;
        }
        double missing = reserve + 1 - tokens;
        return Duration.ofMillis(Math.max(1, (long) Math.ceil(missing / perMilli)));
    }
}
