package dev.reelbot.simulator;

import java.util.Locale;

/**
 * How the simulated gateway words its job objects, so the client is exercised against each variant real gateways
 * send: progress as a fraction, an integer or a percent string; "in_progress" or "processing" while running.
 */
public record Dialect(Progress progress, String runningWord) {

    /** How progress is written. */
    public enum Progress { FRACTION, INTEGER, PERCENT }

    /** What new-api gateways send: integer progress, {@code in_progress}. */
    public static final Dialect GATEWAY = new Dialect(Progress.INTEGER, "in_progress");

    public Dialect {
        if (!runningWord.equals("in_progress") && !runningWord.equals("processing")) {
            throw new IllegalArgumentException("running word must be in_progress or processing");
        }
    }

    /** Parses {@code fraction|integer|percent}. */
    public static Progress progressStyle(String name) {
        return Progress.valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    Object progressValue(int percent) {
        return switch (progress) {
            case FRACTION -> percent / 100.0;
            case INTEGER -> percent;
            case PERCENT -> percent + "%";
        };
    }
}
