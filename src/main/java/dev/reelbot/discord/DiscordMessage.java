package dev.reelbot.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * One bot message as Discord shows it: content, one embed, button rows. Every message the adapter sends is built
 * here, and always with no allowed mentions ({@code "allowed_mentions": {"parse": []}}), so no text in it, the
 * requester's mention included, can ping anyone.
 *
 * @param content text above the embed ({@code ""} for none)
 * @param embed   the embed, or {@code null}
 * @param rows    button rows, possibly empty
 */
record DiscordMessage(String content, MessageEmbed embed, List<ActionRow> rows) {
    /** What every send and edit allows to ping: nothing. */
    static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    DiscordMessage {
        content = content == null ? "" : content;
        rows = List.copyOf(rows);
    }

    MessageCreateData create() {
        MessageCreateBuilder builder = new MessageCreateBuilder().setContent(content).setComponents(rows)
                .setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false);
        if (embed != null) {
            builder.setEmbeds(embed);
        }
        return builder.build();
    }

    /** The whole message, replacing whatever it showed before (buttons included). */
    MessageEditData edit() {
        return new MessageEditBuilder().setContent(content).setEmbeds(embed == null ? List.of() : List.of(embed))
                .setComponents(rows).setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }

    /** Plain text alone. */
    static MessageCreateData text(String text) {
        return new MessageCreateBuilder().setContent(text).setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false).build();
    }

    /** A file with a caption. */
    static MessageCreateData file(String caption, FileUpload file) {
        return new MessageCreateBuilder().setContent(caption).setFiles(file).setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false).build();
    }
}
