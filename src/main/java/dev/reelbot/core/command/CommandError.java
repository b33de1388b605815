package dev.reelbot.core.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A command the user must fix: the message says what is wrong and what is allowed. Safe to show as is. A problem
 * repeated (one flag given a thousand times) is said once, and past {@link #SHOWN} problems the rest are counted.
 */
public final class CommandError extends Exception {
    public static final int SHOWN = 10;
    private final transient List<String> problems;
    private final transient Map<String, Flag> fields;

    public CommandError(String problem) {
        this(List.of(problem));
    }

    public CommandError(List<String> problems) {
        this(problems, Map.of());
    }

    /** @param fields the option each problem is about, for forms that show it on its field (others are general) */
    CommandError(List<String> problems, Map<String, Flag> fields) {
        super(describe(List.copyOf(new LinkedHashSet<>(problems))));
        this.problems = List.copyOf(new LinkedHashSet<>(problems));
        this.fields = Map.copyOf(fields);
    }

    private static String describe(List<String> distinct) {
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        String shown = "• " + String.join("\n• ", distinct.subList(0, Math.min(SHOWN, distinct.size())));
        int more = distinct.size() - SHOWN;
        return more <= 0 ? shown : shown + "\n… and " + more + " more problem" + (more == 1 ? "" : "s") + ".";
    }

    public List<String> problems() {
        return problems;
    }

    /** The option {@code problem} is about (a form shows it on that field), or {@code null} when it is general. */
    public Flag fieldOf(String problem) {
        return fields.get(problem);
    }
}
