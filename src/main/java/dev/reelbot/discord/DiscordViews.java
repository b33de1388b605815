package dev.reelbot.discord;

import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.View;
import dev.reelbot.core.text.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        Texts t = view.texts();
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(view.headline())
                .setDescription(DiscordText.escape(view.prompt(), 2000) + "\n\n" + view.status()
                        + (view.progressBar() == null ? "" : "\n`" + view.progressBar() + "`"))
                .setFooter(t.get("view.job", view.jobId()) + DOT + view.elapsed())
                .setColor(color(view));
        settingsFields(embed, view.settings(), t);
        StringBuilder content = new StringBuilder(DiscordText.mention(view.requester()));
        JobView.Result result = view.result();
        if (result instanceof JobView.Uploaded uploaded) {
            embed.addField(t.get("discord.field.video"), DiscordText.escape(uploaded.note(), 700)
                    + original(uploaded, t), false);
        } else if (result instanceof JobView.Linked linked) {
            String link = DiscordText.safeLink(linked.url());
            embed.addField(t.get("discord.field.video"), DiscordText.escape(linked.note(), 900) + " "
                    + t.get(link == null ? "discord.link.unsafe" : "discord.link.above"), false);
            if (link != null) {
                content.append(content.length() > 0 ? " " : "").append(link);
            }
            if (linked.expiresAt() != null) {
                embed.addField(t.get("discord.field.link-expires"), when(linked.expiresAt()), false);
            }
            String poster = DiscordText.safeLink(linked.poster());
            if (poster != null) {
                embed.setImage(poster);
            }
        } else if (result instanceof JobView.Kept kept) {
            embed.addField(t.get("discord.field.what-happened"), DiscordText.escape(kept.reason(), FIELD_CHARS), false);
        } else if (result instanceof JobView.Failed failed) {
            embed.addField(t.get("discord.field.what-happened"), DiscordText.escape(failed.reason(), FIELD_CHARS),
                    false);
            embed.addField(t.get("discord.field.refund"), t.get("discord.refund." + failed.refund().name()
                    .toLowerCase(Locale.ROOT)), false);
        }
        List<ActionRow> rows = new ArrayList<>();
        if (!view.actions().isEmpty()) {
            rows.add(ActionRow.of(buttons(view, t)));
        }
        return new DiscordMessage(content.toString(), embed.build(), rows);
    }

    static DiscordMessage notice(NoticeView view) {
        Texts t = view.texts();
        EmbedBuilder embed = new EmbedBuilder().setTitle(view.headline())
                .setColor(view.resolved() ? GREEN : ORANGE)
                .setFooter(t.get("view.job", view.jobId()));
        if (view.repeated()) {
            embed.setDescription(t.get("notice.repeated"));
        }
        for (NoticeView.Fact fact : view.lines()) {
            embed.addField(fact.label(), DiscordText.escape(fact.value(), FIELD_CHARS), false);
        }
        List<ActionRow> rows = !view.resolvable() ? List.of() : List.of(ActionRow.of(Button.success(
                new ButtonId(ButtonId.Action.RESOLVE, view.jobId()).customId(), ButtonId.Action.RESOLVE.label(t))));
        return new DiscordMessage("", embed.build(), rows);
    }

    /** "sora-2 · 8 s · 1280x720 · seed 7" becomes Model, Length and Size fields plus the rest as Options. */
    private static void settingsFields(EmbedBuilder embed, String settings, Texts t) {
        String[] parts = settings.split(DOT);
        if (parts.length < 3) {
            embed.addField(t.get("discord.field.settings"), DiscordText.escape(settings, FIELD_CHARS), false);
            return;
        }
        embed.addField(t.get("discord.field.model"), DiscordText.escape(parts[0], FIELD_CHARS), true);
        embed.addField(t.get("discord.field.length"), DiscordText.escape(parts[1], FIELD_CHARS), true);
        embed.addField(t.get("discord.field.size"), DiscordText.escape(parts[2], FIELD_CHARS), true);
        if (parts.length > 3) {
            String rest = String.join(DOT, List.of(parts).subList(3, parts.length));
            embed.addField(t.get("discord.field.options"), DiscordText.escape(rest, FIELD_CHARS), false);
        }
    }

    /** The view's buttons; where it offers a re-roll (a finished or failed job), Edit prompt beside it. */
    private static List<Button> buttons(JobView view, Texts t) {
        List<Button> buttons = new ArrayList<>();
        for (JobView.Action action : view.actions()) {
            switch (action) {
                case REROLL -> {
                    buttons.add(Button.primary(id(ButtonId.Action.REROLL, view), ButtonId.Action.REROLL.label(t)));
                    buttons.add(Button.secondary(id(ButtonId.Action.EDIT, view), ButtonId.Action.EDIT.label(t)));
                }
                case DETAILS -> buttons.add(Button.secondary(id(ButtonId.Action.DETAILS, view),
                        ButtonId.Action.DETAILS.label(t)));
                case CANCEL -> buttons.add(Button.danger(id(ButtonId.Action.CANCEL, view),
                        ButtonId.Action.CANCEL.label(t)));
            }
        }
        return buttons;
    }

    private static String id(ButtonId.Action action, JobView view) {
        return new ButtonId(action, view.jobId()).customId();
    }

    /**
     * The link to the original under an uploaded video, as a masked link in the embed (a raw URL in the content
     * would make Discord show a second player).
     */
    private static String original(JobView.Uploaded uploaded, Texts t) {
        String link = uploaded.link() == null ? null : DiscordText.safeLink(uploaded.link().url());
        if (link == null) {
            return "";
        }
        String label = t.get(uploaded.compressed() ? "discord.link.full-quality" : "discord.link.share");
        return "\n[" + label + "](" + link + ")" + (uploaded.link().expiresAt() == null ? ""
                : t.get("discord.link.works-until", when(uploaded.link().expiresAt())));
    }

    private static int color(JobView view) {
        if (view.result() instanceof JobView.Failed) {
            return RED;
        }
        return view.isFinal() ? GREEN : BLURPLE;
    }

    /** A Discord timestamp: every reader sees it in their own time zone, with how long from now. */
    static String when(Instant instant) {
        return TimeFormat.DATE_TIME_SHORT.format(instant) + " (" + TimeFormat.RELATIVE.format(instant) + ")";
    }
}
