package dev.reelbot.discord;

import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.command.CommandParser;
import dev.reelbot.core.command.Flag;
import dev.reelbot.core.text.Languages;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
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
    /** The message command on a message with an image: its English name, the one Discord sends back. */
    static final String ANIMATE = "Animate image";

    /** The typed options of {@code /video}, by Discord option name, in the order Discord shows them. */
    static final Map<String, Flag> OPTIONS = options();

    private static final int MAX_CHOICES = 25;
    private static final long MAX_SEED = 4_294_967_295L;

    private DiscordCommands() {
    }

    /**
     * Every command, described in English and, for Discord users whose client is in Chinese or Spanish, in their
     * language (Discord shows each user the description of their locale).
     */
    static List<CommandData> all(CommandParser parser) {
        SlashCommandData video = slash(VIDEO, "discord.cmd.video")
                .addOptions(localized(new OptionData(OptionType.STRING, PROMPT, "-", true),
                        "discord.cmd.video.prompt"));
        OPTIONS.forEach((name, flag) -> {
            // Like the help text: no count option where one video per command is the limit.
            if (flag != Flag.COUNT || parser.limits().maxCount() > 1) {
                video.addOptions(option(name, flag, parser));
            }
        });
        SubcommandData refunds = new SubcommandData(REFUNDS, "-");
        SubcommandData resolve = new SubcommandData(RESOLVE, "-");
        refunds.setDescription(Texts.ENGLISH.get("discord.cmd.admin.refunds"))
                .setDescriptionLocalizations(translations("discord.cmd.admin.refunds"));
        resolve.setDescription(Texts.ENGLISH.get("discord.cmd.admin.resolve"))
                .setDescriptionLocalizations(translations("discord.cmd.admin.resolve"))
                .addOptions(jobOption("discord.cmd.admin.resolve.job"), localized(new OptionData(OptionType.STRING,
                        NOTE, "-", false).setMaxLength(300), "discord.cmd.admin.resolve.note"));
        SubcommandData adminUsage = new SubcommandData(ADMIN_USAGE, "-");
        adminUsage.setDescription(Texts.ENGLISH.get("discord.cmd.admin.usage"))
                .setDescriptionLocalizations(translations("discord.cmd.admin.usage")).addOptions(periodOption());
        SubcommandData bump = new SubcommandData(BUMP, "-");
        bump.setDescription(Texts.ENGLISH.get("discord.cmd.admin.bump"))
                .setDescriptionLocalizations(translations("discord.cmd.admin.bump"))
                .addOptions(jobOption("discord.cmd.admin.bump.job"));
        CommandData animate = Commands.message(ANIMATE).setNameLocalizations(translations("discord.cmd.animate"))
                .setContexts(InteractionContextType.GUILD).setIntegrationTypes(IntegrationType.GUILD_INSTALL);
        return List.of(video,
                slash(HELP, "discord.cmd.help"),
                slash(MODELS, "discord.cmd.models"),
                slash(LIST, "discord.cmd.list"),
                slash(STATUS, "discord.cmd.status").addOptions(jobOption("discord.cmd.status.job")),
                slash(USAGE, "discord.cmd.usage"),
                slash(ADMIN, "discord.cmd.admin").addSubcommands(refunds, resolve, adminUsage, bump),
                animate);
    }

    /** A guild command: the bot posts progress in guild channels; DMs and user installs are not offered. */
    private static SlashCommandData slash(String name, String key) {
        return Commands.slash(name, Texts.ENGLISH.get(key)).setDescriptionLocalizations(translations(key))
                .setContexts(InteractionContextType.GUILD).setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    }

    private static OptionData localized(OptionData option, String key) {
        return option.setDescription(PlainText.cap(Texts.ENGLISH.get(key), 100))
                .setDescriptionLocalizations(translations(key));
    }

    /** The text of {@code key} in every Discord locale the bot has a language for, but English. */
    static Map<DiscordLocale, String> translations(String key) {
        Map<DiscordLocale, String> texts = new EnumMap<>(DiscordLocale.class);
        texts.put(DiscordLocale.CHINESE_CHINA, PlainText.cap(Texts.in(Languages.CHINESE).get(key), 100));
        String spanish = PlainText.cap(Texts.in(Languages.SPANISH).get(key), 100);
        texts.put(DiscordLocale.SPANISH, spanish);
        texts.put(DiscordLocale.SPANISH_LATAM, spanish);
        return texts;
    }

    private static OptionData periodOption() {
        OptionData period = localized(new OptionData(OptionType.STRING, PERIOD, "-", false),
                "discord.cmd.admin.usage.period");
        for (UsagePeriod each : UsagePeriod.values()) {
            period.addChoices(new Command.Choice(Texts.ENGLISH.get("period." + each.word()), each.word())
                    .setNameLocalizations(choiceTranslations("period." + each.word(), "")));
        }
        return period;
    }

    private static OptionData jobOption(String key) {
        return localized(new OptionData(OptionType.STRING, JOB, "-", true).setMinLength(8).setMaxLength(8), key);
    }

    private static OptionData option(String name, Flag flag, CommandParser parser) {
        return localized(typed(name, flag, parser), flag == Flag.IMAGE ? "flag.image.attached"
                : "flag." + flag.optionName());
    }

    private static OptionData typed(String name, Flag flag, CommandParser parser) {
        String description = "-";
        List<ModelSpec> models = parser.catalog().all();
        return switch (flag) {
            // Completed as the user types, with the models of the channel and their descriptions (ModelChoices).
            case MODEL -> new OptionData(OptionType.STRING, name, description, false).setAutoComplete(true);
            case DURATION -> {
                OptionData seconds = new OptionData(OptionType.INTEGER, name, description, false).setMinValue(1);
                TreeSet<Integer> all = new TreeSet<>();
                models.forEach(m -> all.addAll(m.durations()));
                if (all.size() <= MAX_CHOICES) {
                    all.forEach(s -> seconds.addChoices(new Command.Choice(Texts.ENGLISH.get("discord.choice.seconds",
                            s), s).setNameLocalizations(choiceTranslations("discord.choice.seconds", s))));
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
                    .addChoices(ratio("16:9", "discord.choice.landscape"), ratio("9:16", "discord.choice.portrait"),
                            ratio("1:1", "discord.choice.square"));
            case IMAGE -> new OptionData(OptionType.ATTACHMENT, name, description, false);
            case SEED -> new OptionData(OptionType.INTEGER, name, description, false).setMinValue(0)
                    .setMaxValue(MAX_SEED);
            case COUNT -> new OptionData(OptionType.INTEGER, name, description, false).setMinValue(1)
                    .setMaxValue(Math.max(1, parser.limits().maxCount()));
            default -> new OptionData(OptionType.STRING, name, description, false);
        };
    }

    private static Command.Choice ratio(String ratio, String key) {
        return new Command.Choice(Texts.ENGLISH.get(key, ratio), ratio).setNameLocalizations(choiceTranslations(key,
                ratio));
    }

    private static Map<DiscordLocale, String> choiceTranslations(String key, Object arg) {
        Map<DiscordLocale, String> texts = new EnumMap<>(DiscordLocale.class);
        texts.put(DiscordLocale.CHINESE_CHINA, Texts.in(Languages.CHINESE).get(key, arg));
        String spanish = Texts.in(Languages.SPANISH).get(key, arg);
        texts.put(DiscordLocale.SPANISH, spanish);
        texts.put(DiscordLocale.SPANISH_LATAM, spanish);
        return texts;
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
