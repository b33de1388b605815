package dev.reelbot.simulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-job behaviour a demo or test asks for with markers in the prompt, e.g. {@code "a storm [fail]"}.
 */
enum Behaviour {
    /** The job fails after a while, billed and not refunded. */
    FAIL,
    /** The create is refused with a content-policy error: nothing is billed. */
    MODERATED,
    /** The job takes minutes instead of seconds. */
    SLOW,
    /** Its GETs randomly answer 5xx or 429. */
    FLAKY,
    /** The job vanishes part way: GETs answer 400 {@code task_not_exist}. */
    LOST,
    /** The finished video is over 10 MiB. */
    BIG,
    /** The create is accepted but its answer is held back past any client timeout: the outcome is unknown. */
    HANG;

    private static final Pattern MARKER = Pattern.compile("\\[([a-zA-Z]+)]");

    static Set<Behaviour> fromPrompt(String prompt) {
        Set<Behaviour> found = EnumSet.noneOf(Behaviour.class);
        Matcher m = MARKER.matcher(prompt);
        while (m.find()) {
            for (Behaviour b : values()) {
                if (b.name().equals(m.group(1).toUpperCase(Locale.ROOT))) {
                    found.add(b);
                }
            }
        }
        return found;
    }
}
