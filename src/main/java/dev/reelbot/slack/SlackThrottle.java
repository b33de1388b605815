package dev.reelbot.slack;

import dev.reelbot.core.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the bot inside Slack's rate limits without blocking a worker: {@code chat.update} draws on one token
 * bucket for the workspace (Tier 3, about 50 a minute), {@code chat.postMessage} on one per channel (about one a
 * second). When a bucket is empty the caller is told how long to wait, and the engine retries the job then. A
 * share of the workspace bucket is kept for final views, so finished jobs still get through when many are running.
 * A 429 from Slack pauses the whole workspace for its {@code Retry-After}.
 *
 * <p>Threading: thread-safe; buckets are updated under their own lock.
 */
final class SlackThrottle {
    private static final double FINAL_RESERVE = 0.2;
    private static final double POSTS_PER_SECOND = 1.0;
    private static final int POST_BURST = 3;

    private final Clock clock;
    private final TokenBucket updates;
    private final Map<String, TokenBucket> postsByChannel = new ConcurrentHashMap<>();
    private volatile Instant pausedUntil = Instant.EPOCH;

    SlackThrottle(Clock clock, int updatesPerMinute) {
        this.clock = clock;
        int burst = Math.max(2, updatesPerMinute / 5);
        this.updates = new TokenBucket(burst, updatesPerMinute, Duration.ofMinutes(1), clock.instant());
    }

    /** The wait before a {@code chat.update} may go out, or zero when it may go now (and is counted). */
    Duration update(boolean isFinal) {
        Duration paused = paused();
        if (!paused.isZero()) {
            return paused;
        }
        double reserve = isFinal ? 0 : updates.capacity() * FINAL_RESERVE;
        return updates.take(clock.instant(), reserve);
    }

    /** The wait before a message may be posted in {@code channel}, or zero when it may go now (and is counted). */
    Duration post(String channel) {
        Duration paused = paused();
        if (!paused.isZero()) {
            return paused;
        }
        TokenBucket bucket = postsByChannel.computeIfAbsent(channel,
                c -> new TokenBucket(POST_BURST, POSTS_PER_SECOND, Duration.ofSeconds(1), clock.instant()));
        return bucket.take(clock.instant(), 0);
    }

    /** Slack answered 429: nothing goes out before {@code retryAfter} has passed. */
    void pause(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** How long every call must still wait after a 429, or zero. */
    Duration paused() {
        Instant now = clock.instant();
        return now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    }
}
