package dev.reelbot.videoapi;

import dev.reelbot.core.Backoff;
import java.time.Duration;

/**
 * How a GET is retried inside one call before the failure goes back to the caller (whose own scheduler then
 * backs off for longer): a few quick attempts with exponential backoff and jitter, and a {@code Retry-After}
 * honoured when it is short enough to wait for here.
 *
 * @param attempts         total attempts, at least 1
 * @param baseDelay        the first backoff; each next one doubles
 * @param maxDelay         the longest backoff
 * @param maxRetryAfterWait a longer {@code Retry-After} is handed back to the caller instead of waited for here
 */
record GetRetryPolicy(int attempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfterWait) {

    static final GetRetryPolicy DEFAULT =
            new GetRetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

    GetRetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The backoff before attempt {@code attempt + 1} (attempt counts from 1), with +/-50% jitter. */
    Duration backoff(int attempt, double random) {
        return new Backoff(baseDelay, maxDelay).after(attempt - 1, 0.5, random);
    }
}
