package dev.reelbot.core.command;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.text.PlainText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one parser of {@code /video}: Slack's command text, the console's lines and Discord's typed options all
 * become the same {@link VideoCommand}, validated the same way, every problem reported at once. Pure: no I/O, no
 * clock. The first word is a command word (see {@link CommandWords}) or the start of the prompt.
 */
public final class CommandParser {
    /** The longest command read at all: room for the longest prompt a config may allow, and its options. */
    static final int MAX_COMMAND_CHARS = 32_768;
    /** The largest {@code --seed} accepted (a re-roll draws a new one up to this). */
    public static final long MAX_SEED = RequestBuilder.MAX_SEED;

    private final ModelCatalog catalog;
    private final Limits limits;
    private final String commandName;
    private final CommandWords words;

    public CommandParser(ModelCatalog catalog, Limits limits, String commandName) {
        this.catalog = catalog;
        this.limits = limits;
        this.commandName = commandName;
        this.words = new CommandWords(commandName);
    }

    /** Parses the text after the slash command, typed in {@code channel}. */
    public VideoCommand parse(String text, String channel) throws CommandError {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new CommandError("Describe the video you want, e.g. " + commandName
                    + " a cat surfing at sunset --duration 8. Type " + commandName + " help for the options.");
        }
        checkLength(trimmed);
        Optional<VideoCommand> word = words.parse(trimmed);
        if (word.isPresent()) {
            return word.get();
        }
        return generate(trimmed, Map.of(), channel);
    }

    /**
     * Builds a request from typed options (Discord's slash-command options, keyed by flag) plus any inline
     * {@code --flags} in the prompt; an option given both ways is an error. A prompt starting with a command word
     * must be quoted here too.
     */
    public VideoCommand.Generate fromOptions(String prompt, Map<Flag, String> typed, String channel)
            throws CommandError {
        String text = prompt == null ? "" : prompt;
        checkLength(text);
        if (!text.isBlank() && words.parse(text).isPresent()) {
            throw new CommandError("`" + PlainText.oneLine(text.strip().split("\\s+")[0], 20) + "` is a command "
                    + "word: to make a video of it, put the prompt in quotes: \"" + PlainText.oneLine(text, 60)
                    + "\".");
        }
        return generate(text, typed, channel);
    }

    /** A command past any sensible length is refused before it is read: its problems could fill the screen. */
    private void checkLength(String text) throws CommandError {
        if (text.length() > MAX_COMMAND_CHARS) {
            throw new CommandError("That command is " + text.length() + " characters long; a command may be at most "
                    + MAX_COMMAND_CHARS + " (its prompt at most " + limits.maxPromptLength() + ").");
        }
    }

    /** Every problem of the command at once: how the options were written, then what they ask for. */
    private VideoCommand.Generate generate(String text, Map<Flag, String> typed, String channel)
            throws CommandError {
        CommandText.Split split = CommandText.split(text);
        List<String> problems = new ArrayList<>(split.problems());
        Map<Flag, String> options = options(split.flags(), typed, problems);
        return new VideoCommand.Generate(new RequestBuilder(catalog, limits)
                .build(split.prompt(), options, channel, problems));
    }

    private static Map<Flag, String> options(List<CommandText.RawFlag> inline, Map<Flag, String> typed,
                                             List<String> problems) {
        Map<Flag, String> options = new EnumMap<>(Flag.class);
        typed.forEach((flag, value) -> {
            if (value != null && !value.isBlank()) {
                options.put(flag, value);
            }
        });
        for (CommandText.RawFlag flag : inline) {
            if (options.putIfAbsent(flag.flag(), flag.value()) != null) {
                problems.add(flag.flag() + " is given twice.");
            }
        }
        return options;
    }

    /** A size as forms list it: {@code 1280x720 (16:9)}. */
    public static String sizeLabel(String size) {
        return size + " (" + AspectRatio.of(size) + ")";
    }

    /** The help text, with the models and durations offered in {@code channel}. */
    public String help(String channel) {
        return HelpText.help(this, channel);
    }

    /** The models offered in {@code channel}, each with its durations and sizes. */
    public String models(String channel) {
        return HelpText.models(this, channel);
    }

    /** The catalog and limits the parser checks against, for help texts. */
    public ModelCatalog catalog() {
        return catalog;
    }

    public Limits limits() {
        return limits;
    }

    public String commandName() {
        return commandName;
    }
}
