package dev.reelbot.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a simulated job's progress moves while it runs, as the gateways in front of real models report it. */
public enum ProgressShape {
    /** Rises evenly to 99 (Kling models in steps of ten, as the real ones report it). */
    LINEAR,
    /** The gateway's coarse steps: 10, 20, 30 through the run, then 100 at once when it completes. */
    COARSE,
    /** Rises evenly to somewhere between 90 and 99, then sits there for a random while before it completes. */
    STALL;

    /** Parses {@code linear|coarse|stall}, saying what is allowed otherwise. */
    public static ProgressShape parse(String name) {
        for (ProgressShape shape : values()) {
            if (shape.name().equalsIgnoreCase(name.strip())) {
                return shape;
            }
        }
        throw new IllegalArgumentException("progress shape must be one of " + names() + ", not '" + name + "'");
    }

    /** {@code linear|coarse|stall}. */
    public static String names() {
        return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));
    }
}
