package dev.reelbot.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one parser of {@code /video}: Slack's command text, the console's lines and Discord's typed options all
 * become the same {@link VideoCommand}, validated the same way. Pure: no I/O, no clock.
 *
 * <p>Command words ({@code help}, {@code models}, {@code list}, {@code status <job>}, {@code admin ...}) count
 * only in their exact shape, so a prompt such as "list of cats" or "status symbols" is still a prompt.
 */
public final class CommandParser {
    /** The longest command read at all: room for the longest prompt a config may allow, and its options. */
    static final int MAX_COMMAND_CHARS = 32_768;

    private final ModelCatalog catalog;
    private final Limits limits;
    private final String commandName;

    public CommandParser(ModelCatalog catalog, Limits limits, String commandName) {
        this.catalog = catalog;
        this.limits = limits;
        this.commandName = commandName;
    }

    /** Parses the text after the slash command, typed in {@code channel}. */
    public VideoCommand parse(String text, String channel) throws CommandError {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new CommandError("Describe the video you want, e.g. " + commandName
                    + " a cat surfing at sunset --duration 8. Type " + commandName + " help for the options.");
        }
        checkLength(trimmed);
        String[] words = trimmed.split("\\s+");
        VideoCommand word = commandWord(words);
        if (word != null) {
            return word;
        }
        CommandText.Split split = CommandText.split(trimmed);
        return new VideoCommand.Generate(new RequestBuilder(catalog, limits)
                .build(split.prompt(), options(split.flags(), Map.of()), channel));
    }

    /**
     * Builds a request from typed options (Discord's slash-command options, keyed by flag) plus any inline
     * {@code --flags} in the prompt; an option given both ways is an error.
     */
    public VideoCommand.Generate fromOptions(String prompt, Map<Flag, String> typed, String channel)
            throws CommandError {
        checkLength(prompt == null ? "" : prompt);
        CommandText.Split split = CommandText.split(prompt == null ? "" : prompt);
        return new VideoCommand.Generate(new RequestBuilder(catalog, limits)
                .build(split.prompt(), options(split.flags(), typed), channel));
    }

    /** A command past any sensible length is refused before it is read: its problems could fill the screen. */
    private void checkLength(String text) throws CommandError {
        if (text.length() > MAX_COMMAND_CHARS) {
            throw new CommandError("That command is " + text.length() + " characters long; a command may be at most "
                    + MAX_COMMAND_CHARS + " (its prompt at most " + limits.maxPromptLength() + ").");
        }
    }

    private VideoCommand commandWord(String[] words) throws CommandError {
        String first = words[0].toLowerCase(Locale.ROOT);
        switch (first) {
            case "help", "--help":
                return words.length == 1 ? new VideoCommand.Help() : null;
            case "models":
                return words.length == 1 ? new VideoCommand.Models() : null;
            case "list":
                return words.length == 1 ? new VideoCommand.ListJobs() : null;
            case "status":
                if (words.length == 1) {
                    return new VideoCommand.ListJobs();
                }
                return words.length == 2 && JobIds.looksLikeId(words[1])
                        ? new VideoCommand.Status(words[1].toLowerCase(Locale.ROOT)) : null;
            case "admin":
                return words.length >= 2 ? adminWord(words) : null;
            default:
                return null;
        }
    }

    private VideoCommand adminWord(String[] words) throws CommandError {
        String second = words[1].toLowerCase(Locale.ROOT);
        if (second.equals("refunds") && words.length == 2) {
            return new VideoCommand.AdminRefunds();
        }
        if (!second.equals("resolve")) {
            return null;
        }
        if (words.length < 3 || !JobIds.looksLikeId(words[2])) {
            throw new CommandError("Say which job: " + commandName + " admin resolve <job id> [note].");
        }
        List<String> note = new ArrayList<>(List.of(words).subList(3, words.length));
        return new VideoCommand.AdminResolve(words[2].toLowerCase(Locale.ROOT),
                PlainText.oneLine(String.join(" ", note), 300));
    }

    private static Map<Flag, String> options(List<CommandText.RawFlag> inline, Map<Flag, String> typed)
            throws CommandError {
        Map<Flag, String> options = new EnumMap<>(Flag.class);
        List<String> problems = new ArrayList<>();
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
        if (!problems.isEmpty()) {
            throw new CommandError(problems);
        }
        return options;
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
