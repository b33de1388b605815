package dev.reelbot.bench;

import dev.reelbot.core.ChatException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limits a bench chat keeps, like the platforms' (and our adapters'): Slack-like, edits share one budget
 * per workspace (45 a minute, a fifth kept for final views, held back by the adapter before Slack would refuse
 * them) and posts one per channel a second; Discord-like, posts and edits share one budget per channel (five per
 * five seconds), and Discord itself answers 429 beyond it.
 *
 * <p>Threading: thread-safe.
 */
final class ChatLimits {
    static final int SLACK_EDITS_PER_MINUTE = 45;
    private static final double FINAL_RESERVE = 0.2;
    private static final int DISCORD_PER_WINDOW = 5;
    private static final Duration DISCORD_WINDOW = Duration.ofSeconds(5);

    /** Which platform's limits ({@code NONE}: a chat that never says no). */
    enum Flavour { SLACK, DISCORD, NONE }

    private final Flavour flavour;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    ChatLimits(Flavour flavour) {
        this.flavour = flavour;
    }

    /** Counts a post in {@code channel} of {@code workspace}, or says how long to wait. */
    void post(String workspace, String channel) throws ChatException {
        if (flavour == Flavour.NONE) {
            return;
        }
        if (flavour == Flavour.SLACK) {
            take("post " + workspace + "/" + channel, 3, 1, Duration.ofSeconds(1), 0, false);
        } else {
            take(channel, DISCORD_PER_WINDOW, DISCORD_PER_WINDOW, DISCORD_WINDOW, 0, true);
        }
    }

    /** Counts an edit of a message in {@code channel} of {@code workspace}, or says how long to wait. */
    void edit(String workspace, String channel, boolean isFinal) throws ChatException {
        if (flavour == Flavour.NONE) {
            return;
        }
        if (flavour == Flavour.SLACK) {
            double burst = Math.max(2, SLACK_EDITS_PER_MINUTE / 5);
            take("edit " + workspace, burst, SLACK_EDITS_PER_MINUTE, Duration.ofMinutes(1),
                    isFinal ? 0 : burst * FINAL_RESERVE, false);
        } else {
            take(channel, DISCORD_PER_WINDOW, DISCORD_PER_WINDOW, DISCORD_WINDOW, 0, true);
        }
    }

    private void take(String key, double capacity, double perInterval, Duration interval, double reserve,
                      boolean fromPlatform) throws ChatException {
        Instant now = Instant.now();
        Duration wait = buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, perInterval, interval, now))
                .take(now, reserve);
        if (!wait.isZero()) {
            throw new ChatException(ChatException.Kind.RATE_LIMITED, "bench " + flavour + " rate limit on " + key,
                    wait, null, fromPlatform);
        }
    }
}
