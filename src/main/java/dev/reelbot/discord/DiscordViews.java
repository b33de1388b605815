package dev.reelbot.discord;

import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.View;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * Maps the core's views to Discord messages: an embed (headline, prompt, status and progress bar, settings as
 * fields, job id in the footer), the requester mentioned once in the content, the video link raw in the content
 * (Discord plays a raw video URL inline; an embed cannot carry a video), and buttons. Pure.
 */
final class DiscordViews {
    static final int BLURPLE = 0x5865F2;
    static final int GREEN = 0x57F287;
    static final int RED = 0xED4245;
    static final int ORANGE = 0xF0B232;
    private static final int FIELD_CHARS = 1024;
    private static final String DOT = " · ";

    private DiscordViews() {
    }

    static DiscordMessage of(View view) {
        return view instanceof NoticeView notice ? notice(notice) : job((JobView) view);
    }

    static DiscordMessage job(JobView view) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(view.headline())
                .setDescription(DiscordText.escape(view.prompt(), 2000) + "\n\n" + view.status()
                        + (view.progressBar() == null ? "" : "\n`" + view.progressBar() + "`"))
                .setFooter("job " + view.jobId() + DOT + view.elapsed())
                .setColor(color(view));
        settingsFields(embed, view.settings());
        StringBuilder content = new StringBuilder(DiscordText.mention(view.requester()));
        JobView.Result result = view.result();
        if (result instanceof JobView.Uploaded uploaded) {
            embed.addField("Video", DiscordText.escape(uploaded.note(), 700) + original(uploaded), false);
        } else if (result instanceof JobView.Linked linked) {
            String link = DiscordText.safeLink(linked.url());
            embed.addField("Video", DiscordText.escape(linked.note(), 900) + (link == null
                    ? " (the video API gave a link that cannot be shown safely)" : " (link above)"), false);
            if (link != null) {
                content.append(content.length() > 0 ? " " : "").append(link);
            }
            if (linked.expiresAt() != null) {
                embed.addField("Link expires", when(linked.expiresAt()), false);
            }
            String poster = DiscordText.safeLink(linked.poster());
            if (poster != null) {
                embed.setImage(poster);
            }
        } else if (result instanceof JobView.Kept kept) {
            embed.addField("What happened", DiscordText.escape(kept.reason(), FIELD_CHARS), false);
        } else if (result instanceof JobView.Failed failed) {
            embed.addField("What happened", DiscordText.escape(failed.reason(), FIELD_CHARS), false);
            embed.addField("Refund", refund(failed.refund()), false);
        }
        List<ActionRow> rows = new ArrayList<>();
        if (!view.actions().isEmpty()) {
            List<Button> buttons = view.actions().stream().map(action -> button(action, view.jobId())).toList();
            rows.add(ActionRow.of(buttons));
        }
        return new DiscordMessage(content.toString(), embed.build(), rows);
    }

    static DiscordMessage notice(NoticeView view) {
        EmbedBuilder embed = new EmbedBuilder().setTitle(view.headline())
                .setColor(view.resolved() ? GREEN : ORANGE)
                .setFooter("job " + view.jobId());
        if (view.repeated()) {
            embed.setDescription("This may repeat a notice posted before a restart.");
        }
        for (NoticeView.Fact fact : view.lines()) {
            embed.addField(fact.label(), DiscordText.escape(fact.value(), FIELD_CHARS), false);
        }
        List<ActionRow> rows = !view.resolvable() ? List.of() : List.of(ActionRow.of(Button.success(
                new ButtonId(ButtonId.Action.RESOLVE, view.jobId()).customId(), ButtonId.Action.RESOLVE.label())));
        return new DiscordMessage("", embed.build(), rows);
    }

    /** "sora-2 · 8 s · 1280x720 · seed 7" becomes Model, Length and Size fields plus the rest as Options. */
    private static void settingsFields(EmbedBuilder embed, String settings) {
        String[] parts = settings.split(DOT);
        if (parts.length < 3) {
            embed.addField("Settings", DiscordText.escape(settings, FIELD_CHARS), false);
            return;
        }
        embed.addField("Model", DiscordText.escape(parts[0], FIELD_CHARS), true);
        embed.addField("Length", DiscordText.escape(parts[1], FIELD_CHARS), true);
        embed.addField("Size", DiscordText.escape(parts[2], FIELD_CHARS), true);
        if (parts.length > 3) {
            String rest = String.join(DOT, List.of(parts).subList(3, parts.length));
            embed.addField("Options", DiscordText.escape(rest, FIELD_CHARS), false);
        }
    }

    private static Button button(JobView.Action action, String jobId) {
        return switch (action) {
            case REROLL -> Button.primary(new ButtonId(ButtonId.Action.REROLL, jobId).customId(),
                    ButtonId.Action.REROLL.label());
            case DETAILS -> Button.secondary(new ButtonId(ButtonId.Action.DETAILS, jobId).customId(),
                    ButtonId.Action.DETAILS.label());
            case CANCEL -> Button.danger(new ButtonId(ButtonId.Action.CANCEL, jobId).customId(),
                    ButtonId.Action.CANCEL.label());
        };
    }

    /**
     * The link to the original under an uploaded video, as a masked link in the embed (a raw URL in the content
     * would make Discord show a second player).
     */
    private static String original(JobView.Uploaded uploaded) {
        String link = uploaded.link() == null ? null : DiscordText.safeLink(uploaded.link().url());
        if (link == null) {
            return "";
        }
        return "\n[" + (uploaded.compressed() ? "Full quality" : "Link to share") + "](" + link + ")"
                + (uploaded.link().expiresAt() == null ? "" : ", works until " + when(uploaded.link().expiresAt()));
    }

    private static int color(JobView view) {
        if (view.result() instanceof JobView.Failed) {
            return RED;
        }
        return view.isFinal() ? GREEN : BLURPLE;
    }

    private static String refund(JobView.Refund refund) {
        return switch (refund) {
            case NONE -> "Nothing was charged.";
            case NOTIFYING -> "An admin is being told, for a refund.";
            case NOTIFIED -> "An admin has been told, for a refund.";
        };
    }

    /** A Discord timestamp: every reader sees it in their own time zone, with how long from now. */
    static String when(Instant instant) {
        return TimeFormat.DATE_TIME_SHORT.format(instant) + " (" + TimeFormat.RELATIVE.format(instant) + ")";
    }
}
