package dev.reelbot.core.queue;

import dev.reelbot.core.job.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How long each model has recently taken at the API (average over the jobs completed in the last
 * {@link #WINDOW}), read from the store at most once per {@link #FRESH}: what wait estimates are made of.
 *
 * <p>Threading: called under the queue's lock only.
 */
final class RunTimes {
    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration FRESH = Duration.ofMinutes(1);

    private final JobStore store;
    private Map<String, Duration> recent = Map.of();
    private Instant readAt = Instant.EPOCH;

    RunTimes(JobStore store) {
        this.store = store;
    }

    Map<String, Duration> recent(Instant now) {
        if (!now.isBefore(readAt.plus(FRESH))) {
            recent = Map.copyOf(store.runTimes(now.minus(WINDOW)));
            readAt = now;
        }
        return recent;
    }
}
