package dev.reelbot.core;

import java.util.Objects;

/**
 * Who asked for a job and where: enough to answer them, count their quota and tell the admins who to refund.
 *
 * @param platform  {@code slack}, {@code discord}, {@code console}
 * @param workspace the Slack team or Discord guild id ({@code local} on the console)
 * @param channel   the channel the command was typed in
 * @param user      the platform's user id
 * @param userName  a display name for notices, or the id when unknown
 * @param roleAdmin whether the platform vouches for the user as an admin right now (a Discord role configured as
 *                  admin); never stored, so only live commands carry it
 */
public record Requester(String platform, String workspace, String channel, String user, String userName,
                        boolean roleAdmin) {

    /** A requester the platform does not vouch for as an admin. */
    public Requester(String platform, String workspace, String channel, String user, String userName) {
        this(platform, workspace, channel, user, userName, false);
    }

    public Requester {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(user, "user");
        userName = userName == null || userName.isBlank() ? user : userName;
    }

    /** The same person in another channel (for a button pressed elsewhere, a DM fallback). */
    public Requester inChannel(String otherChannel) {
        return new Requester(platform, workspace, otherChannel, user, userName, roleAdmin);
    }

    /** Where the command was typed. */
    public Conversation conversation() {
        return new Conversation(platform, workspace, channel);
    }

    /** The key admins are configured by: {@code platform:user}. */
    public String qualifiedUser() {
        return platform + ":" + user;
    }
}
