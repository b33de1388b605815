package dev.reelbot.core;

import java.util.List;

/** A command the user must fix: the message says what is wrong and what is allowed. Safe to show as is. */
public final class CommandError extends Exception {
    private final transient List<String> problems;

    public CommandError(String problem) {
        this(List.of(problem));
    }

    public CommandError(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : "• " + String.join("\n• ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
