package dev.reelbot.core.engine;

import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.text.Msg;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when the bot stops waiting for a job: past its model's time limit, or running with no progress for too
 * long. Queued jobs are bounded by the time limit only, so a slow but moving queue is never cut short.
 */
final class Watchdog {
    private Watchdog() {
    }

    /** The next instant at which {@link #verdict} could change: poll no later than this. */
    static Instant deadline(Job job, ModelSpec model, Duration noProgressTimeout) {
        Instant start = job.times().startedAt();
        Instant limit = start.plus(model.timeLimit());
        if (job.state() != JobState.RUNNING) {
            return limit;
        }
        Instant lastMove = job.times().progressAt() != null ? job.times().progressAt() : start;
        Instant stall = lastMove.plus(noProgressTimeout);
        return stall.isBefore(limit) ? stall : limit;
    }

    /** Why the bot gives up on the job at {@code now}: once its {@link #deadline} has come, whichever limit it was. */
    static Optional<Failure> verdict(Job job, ModelSpec model, Duration noProgressTimeout, Instant now) {
        if (now.isBefore(deadline(job, model, noProgressTimeout))) {
            return Optional.empty();
        }
        if (!now.isBefore(job.times().startedAt().plus(model.timeLimit()))) {
            return Optional.of(new Failure(Msg.of("failure.time-limit", model.timeLimit(), model.name()),
                    "time_limit", null));
        }
        return Optional.of(new Failure(Msg.of("failure.no-progress", noProgressTimeout), "no_progress", null));
    }
}
