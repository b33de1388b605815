package dev.reelbot.discord;

import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.command.CommandParser;
import dev.reelbot.core.command.Flag;
import dev.reelbot.core.text.PlainText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The slash commands, as data. {@code /video} makes a video: {@code prompt} plus typed options built from the
 * core's {@link Flag}s (model and size choices from the configured models, the image as an attachment); inline
 * {@code --flags} in the prompt work too. The other command words are their own commands, which Discord lists
 * and completes: {@code /video-help}, {@code /video-models}, {@code /video-list}, {@code /video-status job:},
 * {@code /video-usage}, and {@code /video-admin refunds | resolve job: note: | usage [period:] | bump job:}.
 */
final class DiscordCommands {
    static final String VIDEO = "video";
    static final String HELP = "video-help";
    static final String MODELS = "video-models";
    static final String LIST = "video-list";
    static final String STATUS = "video-status";
    static final String USAGE = "video-usage";
    static final String ADMIN = "video-admin";
    static final String REFUNDS = "refunds";
    static final String RESOLVE = "resolve";
    static final String ADMIN_USAGE = "usage";
    static final String BUMP = "bump";
    static final String PERIOD = "period";
    static final String PROMPT = "prompt";
    static final String JOB = "job";
    static final String NOTE = "note";

    /** The typed options of {@code /video}, by Discord option name, in the order Discord shows them. */
    static final Map<String, Flag> OPTIONS = options();

    private static final int MAX_CHOICES = 25;
    private static final long MAX_SEED = 4_294_967_295L;

    private DiscordCommands() {
    }

    static List<SlashCommandData> all(CommandParser parser) {
        SlashCommandData video = guildOnly(Commands.slash(VIDEO, "Make a video from a description"))
                .addOptions(new OptionData(OptionType.STRING, PROMPT,
                        "What the video shows; --flags after it work too (--duration 8 --ar 16:9)", true));
        OPTIONS.forEach((name, flag) -> {
            // Like the help text: no count option where one video per command is the limit.
            if (flag != Flag.COUNT || parser.limits().maxCount() > 1) {
                video.addOptions(option(name, flag, parser));
            }
        });
        return List.of(video,
                guildOnly(Commands.slash(HELP, "How to use /video, and its options")),
                guildOnly(Commands.slash(MODELS, "The video models offered in this channel")),
                guildOnly(Commands.slash(LIST, "Your recent videos")),
                guildOnly(Commands.slash(STATUS, "Where one of your videos stands"))
                        .addOptions(jobOption("The job id, e.g. abcd2345")),
                guildOnly(Commands.slash(USAGE, "Your videos and spend this month, and what you may still start")),
                guildOnly(Commands.slash(ADMIN, "Admins: refunds, usage and the queue"))
                        .addSubcommands(new SubcommandData(REFUNDS, "List the refund notices still open"),
                                new SubcommandData(RESOLVE, "Mark a job refunded")
                                        .addOptions(jobOption("The job that was refunded"),
                                                new OptionData(OptionType.STRING, NOTE, "A note for the record",
                                                        false).setMaxLength(300)),
                                new SubcommandData(ADMIN_USAGE, "Spend per user, channel and model")
                                        .addOptions(periodOption()),
                                new SubcommandData(BUMP, "Move a waiting job to the front of the line")
                                        .addOptions(jobOption("The waiting job"))));
    }

    private static SlashCommandData guildOnly(SlashCommandData command) {
        // The bot posts progress in guild channels; DMs and user installs are not offered.
        return command.setContexts(InteractionContextType.GUILD).setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    }

    private static OptionData periodOption() {
        OptionData period = new OptionData(OptionType.STRING, PERIOD, "Over what time (default: this month)", false);
        for (UsagePeriod each : UsagePeriod.values()) {
            period.addChoice(each.describe(), each.word());
        }
        return period;
    }

    private static OptionData jobOption(String description) {
        return new OptionData(OptionType.STRING, JOB, description, true).setMinLength(8).setMaxLength(8);
    }

    private static OptionData option(String name, Flag flag, CommandParser parser) {
        String description = PlainText.cap(flag.description(), 100);
        List<ModelSpec> models = parser.catalog().all();
        return switch (flag) {
            case MODEL -> {
                OptionData model = new OptionData(OptionType.STRING, name, description, false);
                models.stream().limit(MAX_CHOICES).forEach(m -> model.addChoice(
                        PlainText.cap(m.name() + " (" + m.description() + ")", 100), m.name()));
                yield model;
            }
            case DURATION -> {
                OptionData seconds = new OptionData(OptionType.INTEGER, name, description, false).setMinValue(1);
                TreeSet<Integer> all = new TreeSet<>();
                models.forEach(m -> all.addAll(m.durations()));
                if (all.size() <= MAX_CHOICES) {
                    all.forEach(s -> seconds.addChoice(s + " seconds", s));
                }
                yield seconds;
            }
            case SIZE -> {
                OptionData size = new OptionData(OptionType.STRING, name, description, false);
                TreeSet<String> all = new TreeSet<>();
                models.forEach(m -> all.addAll(m.sizes()));
                if (all.size() <= MAX_CHOICES) {
                    all.forEach(s -> size.addChoice(s, s));
                }
                yield size;
            }
            case ASPECT -> new OptionData(OptionType.STRING, name, description, false)
                    .addChoice("16:9 landscape", "16:9").addChoice("9:16 portrait", "9:16")
                    .addChoice("1:1 square", "1:1");
            case IMAGE -> new OptionData(OptionType.ATTACHMENT, name, "An image to start from", false);
            case SEED -> new OptionData(OptionType.INTEGER, name, description, false).setMinValue(0)
                    .setMaxValue(MAX_SEED);
            case COUNT -> new OptionData(OptionType.INTEGER, name, description, false).setMinValue(1)
                    .setMaxValue(Math.max(1, parser.limits().maxCount()));
            default -> new OptionData(OptionType.STRING, name, description, false);
        };
    }

    private static Map<String, Flag> options() {
        Map<String, Flag> options = new LinkedHashMap<>();
        options.put("model", Flag.MODEL);
        options.put("duration", Flag.DURATION);
        options.put("aspect", Flag.ASPECT);
        options.put("size", Flag.SIZE);
        options.put("image", Flag.IMAGE);
        options.put("seed", Flag.SEED);
        options.put("negative", Flag.NEGATIVE);
        options.put("count", Flag.COUNT);
        return Collections.unmodifiableMap(options);
    }
}
