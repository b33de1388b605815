package dev.reelbot.core;

import java.util.Objects;

/** A place messages can be posted: a channel (or DM) in a workspace of a platform. */
public record Conversation(String platform, String workspace, String channel) {
    public Conversation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
    }
}
