package dev.reelbot.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code capacity} tokens, refilled evenly; a call takes one, or learns how long until one would be
 * there. The bench's chat uses it to keep the platforms' rate limits (the Slack adapter has its own, shared among
 * instances).
 *
 * <p>Threading: thread-safe; {@link #take} holds the bucket's lock briefly.
 */
final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private Instant refilledAt;

    /** A full bucket of {@code capacity} tokens that refills {@code perInterval} tokens every {@code interval}. */
    TokenBucket(double capacity, double perInterval, Duration interval, Instant now) {
        this.capacity = capacity;
        this.perMilli = perInterval / interval.toMillis();
        this.tokens = capacity;
        this.refilledAt = now;
    }

    double capacity() {
        return capacity;
    }

    /**
     * Takes a token when more than {@code reserve} remain after refilling, and returns zero; otherwise takes nothing
     * and returns the wait until one would.
     */
    synchronized Duration take(Instant now, double reserve) {
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
