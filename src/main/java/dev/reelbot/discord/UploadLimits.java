package dev.reelbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest video that may be uploaded in a channel. Best source first: the {@code attachment_size_limit}
 * Discord sent with the latest interaction there; else the guild's boost tier (10 MiB up to tier 1, 50 MiB at
 * tier 2, 100 MiB at tier 3), looked up by REST after a restart and kept for an hour; else the configured
 * default. Discord has refused uploads under the limit it announced (413, code 40005): a refused size caps the
 * channel's limit below it for an hour, whatever the other sources say, and the engine fits the file smaller.
 *
 * <p>Threading: called from the engine's workers and the interaction pool; concurrent maps, and two lookups that
 * race store the same answer.
 */
final class UploadLimits {
    private static final Logger log = LoggerFactory.getLogger(UploadLimits.class);
    static final long MIB = 1024L * 1024;
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration KEEP_FAILED = Duration.ofMinutes(5);

    /** Finds the boost tier of a channel's guild; empty for a DM or when Discord does not say. */
    @FunctionalInterface
    interface TierLookup {
        OptionalInt tierOfChannel(String channelId) throws DiscordFailure;
    }

    private record Known(long bytes, Instant until) {
    }

    private final long defaultLimit;
    private final TierLookup lookup;
    private final Clock clock;
    private final Map<String, Long> fromInteractions = new ConcurrentHashMap<>();
    private final Map<String, Known> fromTiers = new ConcurrentHashMap<>();
    private final Map<String, Known> fromRefusals = new ConcurrentHashMap<>();

    UploadLimits(long defaultLimit, TierLookup lookup, Clock clock) {
        this.defaultLimit = defaultLimit;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** What Discord said the limit is in a channel, with an interaction from there. */
    void remember(String channelId, long bytes) {
        if (bytes > 0) {
            fromInteractions.put(channelId, bytes);
        }
    }

    /** Discord refused a file of {@code bytes} in a channel as too large: its real limit is below that. */
    void refused(String channelId, long bytes) {
        Known cap = new Known(bytes - 1, clock.instant().plus(KEEP));
        fromRefusals.merge(channelId, cap, (earlier, latest) -> earlier.until().isAfter(clock.instant())
                && earlier.bytes() < latest.bytes() ? new Known(earlier.bytes(), latest.until()) : latest);
        log.warn("Discord refused {} bytes as too large in channel {}; uploads there stay under that for {}", bytes,
                channelId, KEEP);
    }

    long forChannel(String channelId) {
        Known refused = fromRefusals.get(channelId);
        long said = announced(channelId);
        return refused != null && refused.until().isAfter(clock.instant()) ? Math.min(said, refused.bytes()) : said;
    }

    private long announced(String channelId) {
        Long told = fromInteractions.get(channelId);
        if (told != null) {
            return told;
        }
        Instant now = clock.instant();
        Known known = fromTiers.get(channelId);
        if (known != null && known.until().isAfter(now)) {
            return known.bytes();
        }
        try {
            OptionalInt tier = lookup.tierOfChannel(channelId);
            long bytes = tier.isPresent() ? forTier(tier.getAsInt(), defaultLimit) : defaultLimit;
            fromTiers.put(channelId, new Known(bytes, now.plus(KEEP)));
            return bytes;
        } catch (DiscordFailure e) {
            log.warn("could not look up the boost tier for channel {} ({}); assuming {} bytes", channelId,
                    e.getMessage(), defaultLimit);
            fromTiers.put(channelId, new Known(defaultLimit, now.plus(KEEP_FAILED)));
            return defaultLimit;
        }
    }

    /** Discord's upload limit at a boost tier, never below the configured default. */
    static long forTier(int tier, long defaultLimit) {
        long byTier = switch (tier) {
            case 2 -> 50 * MIB;
            case 3 -> 100 * MIB;
            default -> defaultLimit;
        };
        return Math.max(byTier, defaultLimit);
    }
}
