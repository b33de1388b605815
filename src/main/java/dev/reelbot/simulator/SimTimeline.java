package dev.reelbot.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * What a benchmark needs to judge a client against the truth: for every job that will complete, when it was
 * created, when it completed, and each moment its progress changed. Served as plain text at
 * {@code GET /sim/timeline}, a simulator route outside the gateway's API, one job a line:
 * {@code id createdMicros completedMicros progress@micros ...} (epoch microseconds).
 */
final class SimTimeline {
    /** Change points are found to this precision. */
    private static final long PRECISION_MICROS = 500;
    /** Samples per run before a change is narrowed down; progress never changes twice between two of them. */
    private static final int SAMPLES = 400;

    private SimTimeline() {
    }

    static String of(Collection<SimJob> jobs) {
        StringBuilder text = new StringBuilder();
        for (SimJob job : jobs) {
            if (job.behaviours().contains(Behaviour.FAIL) || job.behaviours().contains(Behaviour.LOST)) {
                continue;
            }
            text.append(job.id()).append(' ').append(micros(job.createdAt())).append(' ')
                    .append(micros(job.completedAt()));
            appendChanges(job, text);
            text.append('\n');
        }
        return text.toString();
    }

    /** Each change of progress before completion, as {@code progress@micros}. */
    private static void appendChanges(SimJob job, StringBuilder text) {
        long start = micros(job.createdAt());
        long run = Math.max(1, micros(job.completedAt()) - start);
        int shown = 0;
        long before = start;
        for (int i = 1; i < SAMPLES; i++) {
            long at = start + run * i / SAMPLES;
            int progress = progressAt(job, at);
            if (progress != shown) {
                long changed = narrow(job, before, at, shown);
                text.append(' ').append(progress).append('@').append(changed);
                shown = progress;
            }
            before = at;
        }
    }

    /** The first moment in ({@code from}, {@code to}] at which progress is no longer {@code was}. */
    private static long narrow(SimJob job, long from, long to, int was) {
        long low = from;
        long high = to;
        while (high - low > PRECISION_MICROS) {
            long middle = (low + high) / 2;
            if (progressAt(job, middle) == was) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    private static int progressAt(SimJob job, long micros) {
        return job.at(Instant.EPOCH.plus(Duration.of(micros, ChronoUnit.MICROS))).progress();
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
