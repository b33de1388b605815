package dev.reelbot.core;

import java.util.Objects;

/**
 * A message the bot posted, as its platform identifies it (Slack: channel + ts; Discord: channel id + message id).
 * Stored with the job so edits continue after a restart.
 */
public record MessageRef(String platform, String channel, String messageId) {
    public MessageRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
    }
}
