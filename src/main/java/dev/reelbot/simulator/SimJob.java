package dev.reelbot.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One simulated task and its timeline: queued for the first tenth of its run time, then running with progress
 * moving along its {@link ProgressCurve}, then completed. {@code [fail]} jobs fail at 60% of the way,
 * {@code [lost]} jobs vanish at 30%.
 */
record SimJob(
        String id,
        String model,
        String prompt,
        Set<Behaviour> behaviours,
        Instant createdAt,
        Duration runTime,
        String seconds,
        String size,
        ProgressCurve curve) {

    static final Duration RESULT_LIFETIME = Duration.ofHours(1);

    /** Where a job stands at a moment. */
    enum Phase { QUEUED, RUNNING, COMPLETED, FAILED, LOST }

    /** The job as seen at one instant. */
    record View(Phase phase, int progress) {
    }

    View at(Instant now) {
        double fraction = (double) Duration.between(createdAt, now).toMillis() / Math.max(1, runTime.toMillis());
        if (behaviours.contains(Behaviour.LOST) && fraction >= 0.3) {
            return new View(Phase.LOST, 0);
        }
        if (behaviours.contains(Behaviour.FAIL) && fraction >= 0.6) {
            return new View(Phase.FAILED, progressAt(0.6));
        }
        if (fraction >= 1.0) {
            return new View(Phase.COMPLETED, 100);
        }
        if (fraction < 0.1) {
            return new View(Phase.QUEUED, 0);
        }
        return new View(Phase.RUNNING, progressAt(fraction));
    }

    /** Progress along the job's curve; Kling models report linear progress in steps of ten, as the real ones do. */
    private int progressAt(double fraction) {
        return curve.percentAt((fraction - 0.1) / 0.9, model.toLowerCase(Locale.ROOT).startsWith("kling"));
    }

    /** The same job with more behaviours (chaos decided at creation). */
    SimJob withMore(Set<Behaviour> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<Behaviour> all = EnumSet.noneOf(Behaviour.class);
        all.addAll(behaviours);
        all.addAll(more);
        return new SimJob(id, model, prompt, all, createdAt, runTime, seconds, size, curve);
    }

    Instant completedAt() {
        return createdAt.plus(runTime);
    }

    Instant expiresAt() {
        return completedAt().plus(RESULT_LIFETIME);
    }

    /** Sora results come only through {@code /content}; the others also have a public result URL. */
    boolean hasResultUrl() {
        return !model.toLowerCase(Locale.ROOT).startsWith("sora");
    }
}
