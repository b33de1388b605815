package dev.reelbot.core.command;

import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Texts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A command the user must fix: the message says what is wrong and what is allowed. Safe to show as is, in the
 * asker's language ({@link #text}); {@link #getMessage} is English, for logs. A problem repeated (one flag given a
 * thousand times) is said once, and past {@link #SHOWN} problems the rest are counted.
 */
public final class CommandError extends Exception {
    public static final int SHOWN = 10;
    private final transient List<Msg> problems;
    private final transient Map<Msg, Flag> fields;

    public CommandError(Msg problem) {
        this(List.of(problem));
    }

    public CommandError(List<Msg> problems) {
        this(problems, Map.of());
    }

    /** @param fields the option each problem is about, for forms that show it on its field (others are general) */
    CommandError(List<Msg> problems, Map<Msg, Flag> fields) {
        super(describe(List.copyOf(new LinkedHashSet<>(problems)), Texts.ENGLISH));
        this.problems = List.copyOf(new LinkedHashSet<>(problems));
        this.fields = Map.copyOf(fields);
    }

    /** What to fix, in the language of {@code t}. */
    public String text(Texts t) {
        return describe(problems, t);
    }

    private static String describe(List<Msg> distinct, Texts t) {
        if (distinct.size() == 1) {
            return t.get(distinct.get(0));
        }
        String shown = "• " + String.join("\n• ", distinct.subList(0, Math.min(SHOWN, distinct.size())).stream()
                .map(t::get).toList());
        int more = distinct.size() - SHOWN;
        return more <= 0 ? shown : shown + "\n" + t.get("error.more-problems", more);
    }

    public List<Msg> problems() {
        return problems;
    }

    /** The option {@code problem} is about (a form shows it on that field), or {@code null} when it is general. */
    public Flag fieldOf(Msg problem) {
        return fields.get(problem);
    }
}
