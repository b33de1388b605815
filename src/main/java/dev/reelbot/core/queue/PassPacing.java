package dev.reelbot.core.queue;

import java.time.Duration;

/**
 * How often passes may run while something changes: at least {@link #LEAST_GAP} apart, longer the more jobs a pass
 * reads (one more gap per {@link #ROWS_PER_GAP} waiting, up to {@link #MOST_GAPS}), so passes cost about the same
 * share of the workers however long the line grows; while it drains, each pass gives turns to all the jobs it can.
 */
final class PassPacing {
    static final Duration LEAST_GAP = Duration.ofMillis(200);
    static final int ROWS_PER_GAP = 1000;
    static final int MOST_GAPS = 5;

    private PassPacing() {
    }

    /** The least gap after a pass that read {@code rows} jobs. */
    static Duration gapAfter(int rows) {
        return LEAST_GAP.multipliedBy(Math.max(1, Math.min(MOST_GAPS, 1 + rows / ROWS_PER_GAP)));
    }
}
