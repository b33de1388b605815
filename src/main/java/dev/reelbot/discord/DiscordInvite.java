package dev.reelbot.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.Permission;

/**
 * The invite link that adds the bot to a server with exactly what it uses: the {@code bot} and
 * {@code applications.commands} scopes, and the permissions to see a channel, post, embed, attach the video and
 * reply to its own progress message (a reply needs Read Message History). Logged at start-up for the operator.
 */
final class DiscordInvite {
    /** View Channel, Send Messages, Embed Links, Attach Files, Read Message History. */
    static final EnumSet<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_HISTORY);

    private DiscordInvite() {
    }

    static String url(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(PERMISSIONS);
    }
}
