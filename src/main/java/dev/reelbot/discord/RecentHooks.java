package dev.reelbot.discord;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * The latest interaction of each user in each channel, so a private note (a job refused before it started) can
 * go as an ephemeral follow-up while Discord still accepts one (15 minutes after the interaction; JDA derives it
 * from the interaction id), rather than as a DM. Memory only: after a restart notes go by DM.
 *
 * <p>Threading: written on the interaction pool, read on the engine's workers; a concurrent map.
 */
final class RecentHooks {
    private static final int PRUNE_ABOVE = 1000;

    private final Map<String, InteractionHook> latest = new ConcurrentHashMap<>();

    void remember(String userId, String channelId, InteractionHook hook) {
        if (latest.size() > PRUNE_ABOVE) {
            latest.values().removeIf(InteractionHook::isExpired);
        }
        latest.put(key(userId, channelId), hook);
    }

    /** A hook of this user's in this channel that Discord still accepts follow-ups on. */
    Optional<InteractionHook> fresh(String userId, String channelId) {
        InteractionHook hook = latest.get(key(userId, channelId));
        if (hook == null || hook.isExpired()) {
            return Optional.empty();
        }
        return Optional.of(hook);
    }

    private static String key(String userId, String channelId) {
        return userId + "/" + channelId;
    }
}
