package dev.reelbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * What Discord's rate-limit headers said: a bucket with no request left until its reset, and a global limit. A call
 * into an empty bucket is refused here, without being sent: Discord counts 429s against the bot (too many in ten
 * minutes and Cloudflare bans its IP for an hour), and every instance shares the token's limits, so each instance
 * stops at the first sign. Buckets are keyed by route and major parameter (the channel), as Discord scopes them.
 *
 * <p>Threading: a concurrent map; workers read and write it at once, and the last answer wins.
 */
final class RateLimits {
    private static final String GLOBAL = "global";
    /** Never trust a delay longer than this from a header (a wrong clock, a broken proxy). */
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Instant> emptyUntil = new ConcurrentHashMap<>();

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** How long a call into this bucket must wait, or empty when it may go now. */
    Optional<Duration> waitFor(String bucket) {
        Instant now = clock.instant();
        Instant until = later(emptyUntil.get(GLOBAL), emptyUntil.get(bucket));
        if (until == null || !until.isAfter(now)) {
            emptyUntil.remove(bucket);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    /** Remembers what an answer said about its bucket (and about the global limit). */
    void learn(String bucket, int status, UnaryOperator<String> headers, DataObject body) {
        Instant now = clock.instant();
        if (status == 429) {
            boolean global = body.getBoolean("global", false) || "true".equals(headers.apply("X-RateLimit-Global"));
            emptyUntil.put(global ? GLOBAL : bucket, now.plus(retryAfter(headers, body)));
            return;
        }
        if ("0".equals(headers.apply("X-RateLimit-Remaining"))) {
            emptyUntil.put(bucket, now.plus(seconds(headers.apply("X-RateLimit-Reset-After"), Duration.ZERO)));
        } else {
            emptyUntil.remove(bucket);
        }
    }

    /** A 429's delay: the body's {@code retry_after} (seconds, with decimals), else the header, else a second. */
    static Duration retryAfter(UnaryOperator<String> headers, DataObject body) {
        if (body.hasKey("retry_after") && !body.isNull("retry_after")) {
            return seconds(String.valueOf(body.getDouble("retry_after")), Duration.ofSeconds(1));
        }
        return seconds(headers.apply("Retry-After"), Duration.ofSeconds(1));
    }

    private static Duration seconds(String value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            if (!(seconds >= 0)) {
                return otherwise;
            }
            Duration wait = Duration.ofMillis((long) Math.ceil(seconds * 1000));
            return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
        } catch (NumberFormatException garbage) {
            return otherwise;
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
