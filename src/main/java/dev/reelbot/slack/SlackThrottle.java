package dev.reelbot.slack;

import dev.reelbot.core.LiveInstances;
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
 * A 429 from Slack pauses the whole workspace for its {@code Retry-After}. With several instances sharing the
 * workspace, each takes an equal share of both budgets ({@link LiveInstances}), as Slack counts them per app.
 *
 * <p>Threading: thread-safe; buckets are updated under their own lock.
 */
final class SlackThrottle {
    private static final double FINAL_RESERVE = 0.2;
    private static final double POSTS_PER_SECOND = 1.0;
    private static final int POST_BURST = 3;

    private final Clock clock;
    private final Bucket updates;
    private final LiveInstances instances;
    private final Map<String, Bucket> postsByChannel = new ConcurrentHashMap<>();
    private volatile Instant pausedUntil = Instant.EPOCH;

    SlackThrottle(Clock clock, int updatesPerMinute) {
        this(clock, updatesPerMinute, new LiveInstances());
    }

    SlackThrottle(Clock clock, int updatesPerMinute, LiveInstances instances) {
        this.clock = clock;
        this.instances = instances;
        int burst = Math.max(2, updatesPerMinute / 5);
        this.updates = new Bucket(burst, updatesPerMinute / 60_000.0, clock.instant());
    }

    /** The wait before a {@code chat.update} may go out, or zero when it may go now (and is counted). */
    Duration update(boolean isFinal) {
        Duration paused = paused();
        if (!paused.isZero()) {
            return paused;
        }
        int share = instances.count();
        double reserve = isFinal ? 0 : updates.capacity / share * FINAL_RESERVE;
        return updates.take(clock.instant(), reserve, share);
    }

    /** The wait before a message may be posted in {@code channel}, or zero when it may go now (and is counted). */
    Duration post(String channel) {
        Duration paused = paused();
        if (!paused.isZero()) {
            return paused;
        }
        Bucket bucket = postsByChannel.computeIfAbsent(channel,
                c -> new Bucket(POST_BURST, POSTS_PER_SECOND / 1000.0, clock.instant()));
        return bucket.take(clock.instant(), 0, instances.count());
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

    /** A token bucket: {@code capacity} tokens, refilled at {@code perMilli}, both divided by the share taken. */
    private static final class Bucket {
        final double capacity;
        private final double perMilli;
        private double tokens;
        private Instant refilledAt;

        Bucket(double capacity, double perMilli, Instant now) {
            this.capacity = capacity;
            this.perMilli = perMilli;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        /**
         * Takes a token when more than {@code reserve} remain after refilling at a {@code share}-th of the rate, up
         * to a {@code share}-th of the capacity (though never below one token); else the wait until one would.
         */
        synchronized Duration take(Instant now, double reserve, int share) {
            long elapsed = Math.max(0, Duration.between(refilledAt, now).toMillis());
            double rate = perMilli / share;
            tokens = Math.min(Math.max(1, capacity / share), tokens + elapsed * rate);
            refilledAt = now;
            if (tokens - 1 >= reserve - 1e-9) {
                tokens -= 1;
                return Duration.ZERO;
            }
            double missing = reserve + 1 - tokens;
            return Duration.ofMillis(Math.max(1, (long) Math.ceil(missing / rate)));
        }
    }
}
