package dev.reelbot.core.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A job's clock readings.
 *
 * @param createdAt   when the command was accepted
 * @param submittedAt when the API accepted the job: when it was billed ({@code null} before)
 * @param updatedAt   the last change
 * @param finishedAt  when the job reached a final state ({@code null} before)
 * @param progressAt  the last time the API reported progress or a new status (for the no-progress watchdog)
 */
public record JobTimes(Instant createdAt, Instant submittedAt, Instant updatedAt, Instant finishedAt,
                       Instant progressAt) {
    public JobTimes {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** When the job's clock started: when the API accepted it, or, before that, when the command was accepted. */
    public Instant startedAt() {
        return submittedAt != null ? submittedAt : createdAt;
    }

    static JobTimes startingAt(Instant now) {
        return new JobTimes(now, null, now, null, now);
    }
}
