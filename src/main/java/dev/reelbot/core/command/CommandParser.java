package dev.reelbot.core.command;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
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
            throw new CommandError(Msg.of("error.empty", new Msg.Cmd(commandName,
                    "a cat surfing at sunset --duration 8"), new Msg.Cmd(commandName, "help")));
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
            throw new CommandError(Msg.of("error.command-word", PlainText.oneLine(text.strip().split("\\s+")[0], 20),
                    PlainText.oneLine(text, 60)));
        }
        return generate(text, typed, channel);
    }

    /**
     * A request like {@code old} with the prompt {@code text} (the Edit prompt form): every setting of {@code old}
     * is kept unless {@code text} gives that option inline ({@code --duration 4}), and the whole is validated
     * again, as a typed command would be.
     */
    public VideoCommand.Generate edit(VideoRequest old, String text, String channel) throws CommandError {
        String prompt = text == null ? "" : text;
        checkLength(prompt);
        Map<Flag, String> kept = new EnumMap<>(Flag.class);
        kept.put(Flag.MODEL, old.model());
        put(kept, Flag.DURATION, old.seconds());
        put(kept, Flag.SIZE, old.size());
        put(kept, Flag.FPS, old.fps());
        put(kept, Flag.SEED, old.seed());
        put(kept, Flag.COUNT, old.count());
        put(kept, Flag.NEGATIVE, old.negativePrompt());
        put(kept, Flag.STYLE, old.style());
        put(kept, Flag.QUALITY, old.quality());
        put(kept, Flag.IMAGE, old.imageUrl());
        for (CommandText.RawFlag inline : CommandText.split(prompt).flags()) {
            kept.remove(inline.flag());
            if (inline.flag() == Flag.ASPECT) {
                kept.remove(Flag.SIZE);
            }
        }
        return generate(prompt, kept, channel);
    }

    private static void put(Map<Flag, String> options, Flag flag, Object value) {
        if (value != null) {
            options.put(flag, value.toString());
        }
    }

    /** A command past any sensible length is refused before it is read: its problems could fill the screen. */
    private void checkLength(String text) throws CommandError {
        if (text.length() > MAX_COMMAND_CHARS) {
            throw new CommandError(Msg.of("error.command.too-long", text.length(), MAX_COMMAND_CHARS,
                    limits.maxPromptLength()));
        }
    }

    /** Every problem of the command at once: how the options were written, then what they ask for. */
    private VideoCommand.Generate generate(String text, Map<Flag, String> typed, String channel)
            throws CommandError {
        CommandText.Split split = CommandText.split(text);
        List<Msg> problems = new ArrayList<>(split.problems());
        Map<Flag, String> options = options(split.flags(), typed, problems);
        return new VideoCommand.Generate(new RequestBuilder(catalog, limits)
                .build(split.prompt(), options, channel, problems));
    }

    private static Map<Flag, String> options(List<CommandText.RawFlag> inline, Map<Flag, String> typed,
                                             List<Msg> problems) {
        Map<Flag, String> options = new EnumMap<>(Flag.class);
        typed.forEach((flag, value) -> {
            if (value != null && !value.isBlank()) {
                options.put(flag, value);
            }
        });
        for (CommandText.RawFlag flag : inline) {
            if (options.putIfAbsent(flag.flag(), flag.value()) != null) {
                problems.add(Msg.of("error.option.twice", flag.flag().toString()));
            }
        }
        return options;
    }

    /** A size as forms list it: {@code 1280x720 (16:9)}. */
    public static String sizeLabel(String size) {
        return size + " (" + AspectRatio.of(size) + ")";
    }

    /** The help text, with the models and durations offered in {@code channel}, in the language of {@code t}. */
    public String help(String channel, Texts t) {
        return HelpText.help(this, channel, t);
    }

    /** The models offered in {@code channel}, each with its durations and sizes. */
    public String models(String channel, Texts t) {
        return HelpText.models(this, channel, t);
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
