package dev.reelbot.discord;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels the bot cannot post its messages in, learned from each interaction's {@code app_permissions} (the
 * bot's permissions where the command was typed) and from posts Discord refused: a job from such a channel goes
 * to the requester's DMs, and the first answer says so.
 *
 * <p>Threading: a concurrent set; JDA's callback threads and the engine's workers both write it.
 */
final class ChannelAccess {
    /** View Channel, Send Messages and Embed Links: what the progress message needs. */
    private static final long NEEDED = (1L << 10) | (1L << 11) | (1L << 14);

    private final Set<String> closed = ConcurrentHashMap.newKeySet();

    /** What an interaction says of the bot's permissions in its channel ({@code null} when it did not say). */
    void remember(String channel, String appPermissions) {
        if (appPermissions == null || appPermissions.isBlank()) {
            return;
        }
        try {
            long bits = Long.parseUnsignedLong(appPermissions.strip());
            if ((bits & NEEDED) == NEEDED) {
                closed.remove(channel);
            } else {
                closed.add(channel);
            }
        } catch (NumberFormatException garbage) {
            // Discord sends a decimal string; anything else says nothing about the channel.
        }
    }

    void refused(String channel) {
        closed.add(channel);
    }

    void posted(String channel) {
        closed.remove(channel);
    }

    boolean canPost(String channel) {
        return !closed.contains(channel);
    }
}
