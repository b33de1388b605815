package dev.reelbot.core.text;

import java.util.Arrays;
import java.util.List;

/**
 * A text not yet in a language: a bundle key and its arguments (which may be {@code Msg}s themselves). Made where
 * the words are decided (a parser problem, a quota), put into the asker's language where it is shown.
 *
 * @param key  the key in the message bundles
 * @param args the arguments of its pattern: numbers, strings, or other {@code Msg}s
 */
public record Msg(String key, List<Object> args) {
    public Msg {
        args = List.copyOf(args);
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, Arrays.asList(args));
    }

    /** "a, b or c" in the language the message is put in. */
    public static Or or(List<String> items) {
        return new Or(items);
    }

    /** An argument that is a list read as alternatives: "8, 10 or 12" in English, "8、10 或 12" in Chinese. */
    public record Or(List<String> items) {
        public Or {
            items = List.copyOf(items);
        }
    }

    /** A command, worded by the asker's platform ({@link Phrasing#command}): {@code /video status <job>}. */
    public record Cmd(String commandName, String use) {
    }

    /** In English: for logs and exception messages, which admins read beside the code. */
    @Override
    public String toString() {
        return Texts.ENGLISH.get(this);
    }
}
