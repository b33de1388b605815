package dev.reelbot.core;

import dev.reelbot.core.text.Languages;
import dev.reelbot.core.text.Texts;
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
 * @param locale    the language the user is answered in ({@link Languages#resolve}: en, zh-CN, es), stored with
 *                  the job so its progress, final message and later answers stay in it
 */
public record Requester(String platform, String workspace, String channel, String user, String userName,
                        boolean roleAdmin, String locale) {

    /** A requester answered in English unless {@link #withLocale} says otherwise. */
    public Requester(String platform, String workspace, String channel, String user, String userName,
                     boolean roleAdmin) {
        this(platform, workspace, channel, user, userName, roleAdmin, Languages.ENGLISH);
    }

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
        locale = Languages.resolve(locale);
    }

    /** The same person, answered in the language of {@code localeTag} (a platform's tag: zh-CN, es-ES, en-US). */
    public Requester withLocale(String localeTag) {
        return new Requester(platform, workspace, channel, user, userName, roleAdmin, localeTag);
    }

    /** What this person reads: the texts of their language. */
    public Texts texts() {
        return Texts.in(locale);
    }

    /** The same person in another channel (for a button pressed elsewhere, a DM fallback). */
    public Requester inChannel(String otherChannel) {
        return new Requester(platform, workspace, otherChannel, user, userName, roleAdmin, locale);
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
