package dev.reelbot.core.engine;

import dev.reelbot.core.Backoff;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import java.time.Duration;
import java.time.Instant;

/**
 * When to poll a job next. Quick at first; slower in the long middle of a long job, never in lockstep with other
 * jobs (jitter); near the end, at the moment the progress so far says it will finish (never later than the
 * shortest interval), so the final message follows completion closely. Errors back off exponentially, honouring
 * {@code Retry-After}. Pure: the random draw is passed in.
 */
final class PollSchedule {
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /**
     * Intervals grow with the job's age (a quarter of it), so they lengthen gradually: an early progress reading,
     * often far off, never sends the next poll far into the future.
     */
    private static final double GROWTH = 4;
    /** Near the end, the earliest next poll: a finishing job is not polled in a tight loop. */
    private static final long NEAR_END_FLOOR_MILLIS = 500;
    /** Near the end, how long after the estimated finish to poll, so the estimate has usually come true. */
    private static final long NEAR_END_MARGIN_MILLIS = 250;

    private PollSchedule() {
    }

    /**
     * The wait before the next poll of a healthy job.
     *
     * @param random a draw in [0, 1) for the jitter
     */
    static Duration next(Job job, Instant now, EngineSettings s, double random) {
        double elapsed = elapsedMillis(job, now);
        double wait = elapsed / GROWTH;
        double remaining = remainingMillis(job, now);
        if (remaining >= 0) {
            if (nearEnd(job, now, s)) {
                double atFinish = Math.max(NEAR_END_FLOOR_MILLIS, remaining + NEAR_END_MARGIN_MILLIS);
                return Duration.ofMillis(Math.round(Math.min(s.minPollInterval().toMillis(), atFinish)));
            }
            wait = Math.min(wait, remaining / 3);
        }
        return Backoff.spread(clamp(wait, s.minPollInterval(), s.maxPollInterval()), s.jitter(), random);
    }

    /**
     * Whether the progress so far says the job is about to finish: its next poll is then the one that will likely
     * see it completed, and is not to be delayed behind routine progress polls.
     */
    static boolean nearEnd(Job job, Instant now, EngineSettings s) {
        double remaining = remainingMillis(job, now);
        return remaining >= 0 && (job.task().progress() >= 90 || remaining < 3.0 * s.minPollInterval().toMillis());
    }

    /** How long the job will still take at the pace of its progress so far, or -1 when that is unknown. */
    private static double remainingMillis(Job job, Instant now) {
        int progress = job.task().progress();
        if (job.state() != JobState.RUNNING || progress <= 0 || progress >= 100) {
            return -1;
        }
        return elapsedMillis(job, now) * (100 - progress) / progress;
    }

    private static double elapsedMillis(Job job, Instant now) {
        return Math.max(0, Duration.between(job.times().startedAt(), now).toMillis());
    }

    /** The wait after {@code errors} failed polls in a row, at least what the API asked for. */
    static Duration backoff(int errors, Duration retryAfter, EngineSettings s, double random) {
        Duration wait = new Backoff(s.minPollInterval(), MAX_BACKOFF).after(errors, s.jitter(), random);
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private static double clamp(double millis, Duration min, Duration max) {
        return Math.max(min.toMillis(), Math.min(max.toMillis(), millis));
    }
}
