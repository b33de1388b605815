package dev.reelbot.core.command;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A command the user must fix: the message says what is wrong and what is allowed. Safe to show as is. A problem
 * repeated (one flag given a thousand times) is said once, and past {@link #SHOWN} problems the rest are counted.
 */
public final class CommandError extends Exception {
    public static final int SHOWN = 10;
    private final transient List<String> problems;

    public CommandError(String problem) {
        this(List.of(problem));
    }

    public CommandError(List<String> problems) {
        super(describe(List.copyOf(new LinkedHashSet<>(problems))));
        this.problems = List.copyOf(new LinkedHashSet<>(problems));
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
}
