package dev.reelbot.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long to wait after failures in a row: {@code first}, doubled after each further failure, never more than
 * {@code max} (a {@code first} above it waits {@code max}), optionally spread at random so that many retries do not
 * fall due together. The one formula behind every retry of the bot: status polls, GETs within a call, message edits,
 * deliveries, platform connections.
 *
 * @param first the wait after the first failure
 * @param max   the longest wait
 */
public record Backoff(Duration first, Duration max) {
    /** Past this many doublings the wait stops growing (well past any {@code max} in use: 65,536 times the first). */
    private static final int MAX_DOUBLINGS = 16;

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("a backoff cannot be negative: " + first + ", " + max);
        }
    }

    /** The wait after {@code failures} failures beyond the first (0: the first failure): first × 2^failures. */
    public Duration after(int failures) {
        return Duration.ofMillis(millis(failures));
    }

    /**
     * The same, moved up or down by up to {@code share} of it at random (0.2: ±20%).
     *
     * @param random a draw in [0, 1)
     */
    public Duration after(int failures, double share, double random) {
        return spread(millis(failures), share, random);
    }

    /** What the other side asked for ({@code Retry-After}), when it asked; else {@link #after(int)}. */
    public Duration after(int failures, Optional<Duration> asked) {
        return asked.orElseGet(() -> after(failures));
    }

    /** {@code millis} moved up or down by up to {@code share} of it, for {@code random} in [0, 1). */
    public static Duration spread(double millis, double share, double random) {
        return Duration.ofMillis(Math.round(millis * (1 + share * (2 * random - 1))));
    }

    private long millis(int failures) {
        long doubled = first.toMillis() << Math.max(0, Math.min(failures, MAX_DOUBLINGS));
        return Math.min(doubled, max.toMillis());
    }
}
