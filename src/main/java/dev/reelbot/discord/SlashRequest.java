package dev.reelbot.discord;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.command.CommandError;
import dev.reelbot.core.command.Flag;
import dev.reelbot.core.command.VideoCommand;
import dev.reelbot.core.engine.CommandHandler;
import dev.reelbot.core.job.JobIds;
import dev.reelbot.core.text.PlainText;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * One slash command as typed, copied off the JDA event so the work can leave JDA's thread, and its translation to
 * the core's commands. {@code /video} with typed options goes through {@code CommandParser.fromOptions} (inline
 * {@code --flags} merge in); without any, the prompt is read like Slack's text, so {@code /video prompt:help}
 * answers as {@code /video help} does elsewhere.
 *
 * @param name       the command ({@code video}, {@code video-status} ...)
 * @param subcommand the subcommand of {@code video-admin}, else {@code null}
 * @param prompt     {@code /video}'s prompt
 * @param typed      {@code /video}'s typed options, by the flag they stand for
 * @param job        the {@code job} option
 * @param note       the {@code note} option
 * @param period     the {@code period} option of {@code video-admin usage}
 * @param problem    why the options cannot be used as given (a non-image attachment), else {@code null}
 */
record SlashRequest(String name, String subcommand, String prompt, Map<Flag, String> typed, String job, String note,
                    String period, String problem) {
    static final String DISCORD_HELP = "\n\nOn Discord these are commands of their own too: /" + DiscordCommands.MODELS
            + ", /" + DiscordCommands.LIST + ", /" + DiscordCommands.STATUS + ", /" + DiscordCommands.USAGE + ", /"
            + DiscordCommands.ADMIN + ".";

    SlashRequest {
        typed = Map.copyOf(typed);
    }

    static SlashRequest read(SlashCommandInteractionEvent event) {
        Map<Flag, String> typed = new EnumMap<>(Flag.class);
        String problem = null;
        for (Map.Entry<String, Flag> option : DiscordCommands.OPTIONS.entrySet()) {
            OptionMapping value = event.getOption(option.getKey());
            if (value == null) {
                continue;
            }
            switch (value.getType()) {
                case ATTACHMENT -> {
                    Message.Attachment image = value.getAsAttachment();
                    if (image.isImage()) {
                        typed.put(option.getValue(), image.getUrl());
                    } else {
                        problem = "The image option needs an image file (PNG, JPEG or WebP).";
                    }
                }
                case INTEGER -> typed.put(option.getValue(), String.valueOf(value.getAsLong()));
                default -> typed.put(option.getValue(), value.getAsString());
            }
        }
        return new SlashRequest(event.getName(), event.getSubcommandName(), string(event, DiscordCommands.PROMPT),
                typed, string(event, DiscordCommands.JOB), string(event, DiscordCommands.NOTE),
                string(event, DiscordCommands.PERIOD), problem);
    }

    /** Asks the core; fast (a database write at most), never waits on the video API. */
    Reply answer(CommandHandler commands, Requester who, String requestKey) {
        switch (name) {
            case DiscordCommands.VIDEO:
                return video(commands, who, requestKey);
            case DiscordCommands.HELP:
                Reply help = commands.handle(who, new VideoCommand.Help(), requestKey);
                return new Reply(help.text() + DISCORD_HELP, help.ok(), null);
            case DiscordCommands.MODELS:
                return commands.handle(who, new VideoCommand.Models(), requestKey);
            case DiscordCommands.LIST:
                return commands.handle(who, new VideoCommand.ListJobs(), requestKey);
            case DiscordCommands.STATUS:
                return isJobId(job) ? commands.handle(who, new VideoCommand.Status(jobId()), requestKey) : notAJob();
            case DiscordCommands.USAGE:
                return commands.handle(who, new VideoCommand.Usage(), requestKey);
            case DiscordCommands.ADMIN:
                return admin(commands, who, requestKey);
            default:
                return new Reply("This bot does not know /" + name + ".", false, null);
        }
    }

    private Reply admin(CommandHandler commands, Requester who, String requestKey) {
        if (DiscordCommands.REFUNDS.equals(subcommand)) {
            return commands.handle(who, new VideoCommand.AdminRefunds(), requestKey);
        }
        if (DiscordCommands.ADMIN_USAGE.equals(subcommand)) {
            UsagePeriod chosen = period == null ? UsagePeriod.THIS_MONTH
                    : UsagePeriod.parse(period).orElse(UsagePeriod.THIS_MONTH);
            return commands.handle(who, new VideoCommand.AdminUsage(chosen), requestKey);
        }
        if (!isJobId(job)) {
            return notAJob();
        }
        return commands.handle(who, DiscordCommands.BUMP.equals(subcommand) ? new VideoCommand.AdminBump(jobId())
                : new VideoCommand.AdminResolve(jobId(), PlainText.oneLine(note, 300)), requestKey);
    }

    private Reply video(CommandHandler commands, Requester who, String requestKey) {
        if (problem != null) {
            return new Reply(problem, false, null);
        }
        if (typed.isEmpty()) {
            return commands.handle(who, prompt == null ? "" : prompt, requestKey);
        }
        try {
            return commands.handle(who, commands.parser().fromOptions(prompt, typed, who.channel()), requestKey);
        } catch (CommandError e) {
            return new Reply(e.getMessage(), false, null);
        }
    }

    private String jobId() {
        return job.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJobId(String text) {
        return text != null && JobIds.looksLikeId(text.strip());
    }

    private Reply notAJob() {
        return new Reply("`" + PlainText.oneLine(job, 20) + "` is not a job id: ids have 8 letters and digits, "
                + "like `abcd2345` (" + "/" + DiscordCommands.LIST + " shows yours).", false, null);
    }

    private static String string(SlashCommandInteractionEvent event, String option) {
        return event.getOption(option, OptionMapping::getAsString);
    }
}
