package dev.reelbot.core.command;

import dev.reelbot.core.text.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits command text into the prompt and its inline options. An option starts a word with {@code --} (or the
 * em or en dash phones and Slack turn {@code --} into), takes the next word or a quoted phrase as its value, and
 * may be written {@code --name=value}. Quotes may be straight or curly. Everything else is the prompt, as typed.
 */
final class CommandText {
    private static final Map<Character, Character> QUOTES = Map.of('"', '"', '“', '”', '”', '”', '\'', '\'',
            '‘', '’', '„', '“', '«', '»');

    /** One option as typed. */
    record RawFlag(String typedName, Flag flag, String value) {
    }

    /** The prompt, the options found in a command, and what is wrong with how they were written. */
    record Split(String prompt, List<RawFlag> flags, List<Msg> problems) {
    }

    private CommandText() {
    }

    /** Splits; problems are collected, not thrown, so they are reported with every other problem of the command. */
    static Split split(String text) {
        StringBuilder prompt = new StringBuilder();
        List<RawFlag> flags = new ArrayList<>();
        List<Msg> problems = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int dashes = flagStart(text, i);
            if (dashes == 0) {
                prompt.append(text.charAt(i++));
                continue;
            }
            int nameStart = i + dashes;
            int nameEnd = nameStart;
            while (nameEnd < n && (Character.isLetterOrDigit(text.charAt(nameEnd)) || text.charAt(nameEnd) == '-')) {
                nameEnd++;
            }
            String name = text.substring(nameStart, nameEnd);
            Flag flag = Flag.named(name).orElse(null);
            int valueStart = nameEnd < n && text.charAt(nameEnd) == '=' ? nameEnd + 1 : skipSpaces(text, nameEnd);
            if (flag == null) {
                problems.add(Flag.closestTo(name).map(f -> Msg.of("error.option.unknown-meant", "--" + name,
                        f.toString(), optionList())).orElse(Msg.of("error.option.unknown", "--" + name, optionList())));
            }
            if (valueStart >= n || (text.charAt(nameEnd) != '=' && flagStart(text, valueStart) > 0)) {
                problems.add(Msg.of("error.option.no-value", "--" + name, example(flag)));
                i = valueStart;
                continue;
            }
            int[] value = readValue(text, valueStart, name, problems);
            if (flag != null) {
                flags.add(new RawFlag(name, flag, text.substring(value[0], value[1]).strip()));
            }
            i = value[2];
        }
        return new Split(unquote(prompt.toString().strip().replaceAll("[ \\t]{2,}", " ")), flags, problems);
    }

    /** Whether the text opens with a quote: a prompt written in quotes, even one starting with a command word. */
    static boolean startsWithQuote(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && QUOTES.containsKey(stripped.charAt(0));
    }

    /** The number of dash characters starting an option at {@code i}, or 0 when no option starts there. */
    private static int flagStart(String text, int i) {
        if (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            return 0;
        }
        int dashes;
        if (text.startsWith("--", i)) {
            dashes = 2;
        } else if (i < text.length() && (text.charAt(i) == '—' || text.charAt(i) == '–')) {
            dashes = 1;
        } else {
            return 0;
        }
        return i + dashes < text.length() && Character.isLetter(text.charAt(i + dashes)) ? dashes : 0;
    }

    /** Returns {start, end, next} of the value at {@code i}: a quoted phrase or one word. */
    private static int[] readValue(String text, int i, String name, List<Msg> problems) {
        char first = text.charAt(i);
        Character close = QUOTES.get(first);
        if (close != null) {
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != close && !(close == '”' && text.charAt(end) == '"')) {
                end++;
            }
            if (end >= text.length()) {
                problems.add(Msg.of("error.option.unclosed-quote", "--" + name));
                return new int[] {i + 1, text.length(), text.length()};
            }
            return new int[] {i + 1, end, end + 1};
        }
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return new int[] {i, end, end};
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A prompt written entirely in quotes loses them: {@code "a cat"} is {@code a cat}. */
    private static String unquote(String prompt) {
        if (prompt.length() >= 2) {
            Character close = QUOTES.get(prompt.charAt(0));
            if (close != null && prompt.charAt(prompt.length() - 1) == close
                    && prompt.indexOf(close, 1) == prompt.length() - 1) {
                return prompt.substring(1, prompt.length() - 1).strip();
            }
        }
        return prompt;
    }

    private static String example(Flag flag) {
        if (flag == null) {
            return "...";
        }
        return switch (flag) {
            case MODEL -> "sora-2";
            case DURATION -> "8";
            case SIZE -> "1280x720";
            case ASPECT -> "16:9";
            case FPS -> "24";
            case SEED, COUNT -> "1";
            case NEGATIVE -> "\"blurry, text\"";
            case STYLE -> "anime";
            case QUALITY -> "high";
            case IMAGE -> "https://example.com/frame.png";
        };
    }

    static String optionList() {
        StringBuilder list = new StringBuilder();
        for (Flag flag : Flag.values()) {
            list.append(list.length() == 0 ? "" : " ").append(flag);
        }
        return list.toString();
    }
}
