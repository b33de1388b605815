package dev.reelbot.discord;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.command.Flag;
import dev.reelbot.core.command.VideoCommand;
import dev.reelbot.core.engine.CommandHandler;
import dev.reelbot.core.job.JobIds;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
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
 * @param problem    the bundle key of why the options cannot be used as given (a non-image attachment), else
 *                   {@code null}
 */
record SlashRequest(String name, String subcommand, String prompt, Map<Flag, String> typed, String job, String note,
                    String period, String problem) {

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
                        problem = "discord.image.not-image";
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
                Texts t = commands.texts(who);
                return new Reply(help.text() + "\n\n" + t.get("discord.help.commands", "/" + DiscordCommands.MODELS,
                        "/" + DiscordCommands.LIST, "/" + DiscordCommands.STATUS, "/" + DiscordCommands.ADMIN,
                        t.get("discord.cmd.animate"), "/" + DiscordCommands.USAGE), help.ok(), null);
            case DiscordCommands.MODELS:
                return commands.handle(who, new VideoCommand.Models(), requestKey);
            case DiscordCommands.LIST:
                return commands.handle(who, new VideoCommand.ListJobs(), requestKey);
            case DiscordCommands.STATUS:
                return isJobId(job) ? commands.handle(who, new VideoCommand.Status(jobId()), requestKey)
                        : notAJob(commands.texts(who));
            case DiscordCommands.USAGE:
                return commands.handle(who, new VideoCommand.Usage(), requestKey);
            case DiscordCommands.ADMIN:
                return admin(commands, who, requestKey);
            default:
                return Reply.refused(commands.texts(who).get("discord.unknown-command", "/" + name));
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
            return notAJob(commands.texts(who));
        }
        return commands.handle(who, DiscordCommands.BUMP.equals(subcommand) ? new VideoCommand.AdminBump(jobId())
                : new VideoCommand.AdminResolve(jobId(), PlainText.oneLine(note, 300)), requestKey);
    }

    private Reply video(CommandHandler commands, Requester who, String requestKey) {
        if (problem != null) {
            return Reply.refused(commands.texts(who).get(problem));
        }
        if (typed.isEmpty()) {
            return commands.handle(who, prompt == null ? "" : prompt, requestKey);
        }
        return commands.generate(who, prompt, typed, requestKey);
    }

    private String jobId() {
        return job.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJobId(String text) {
        return text != null && JobIds.looksLikeId(text.strip());
    }

    private Reply notAJob(Texts t) {
        return Reply.refused(t.get("discord.not-a-job", PlainText.oneLine(job, 20), "/" + DiscordCommands.LIST));
    }

    private static String string(SlashCommandInteractionEvent event, String option) {
        return event.getOption(option, OptionMapping::getAsString);
    }
}
