package dev.reelbot.core.engine;

import dev.reelbot.core.job.FinishSample;
import java.time.Instant;
import java.util.Arrays;

/**
 * What this process's polls of one job saw of its timing, for {@link FinishTimes} and {@link LearnedSchedule}: how
 * many polls it made, when the last one that found the job running was asked, and, for each tenth of progress,
 * between which polls the job first reached it. Times are milliseconds after the job's submission; a poll counts
 * from when it was asked (for "not yet") to when it was answered (for "by now"), so a slow answer never narrows a
 * bound wrongly. After a restart the log starts over, counting the polls the job may have had by then (see
 * {@link #resumedAt}).
 *
 * <p>Threading: only the worker stepping the job touches it.
 */
final class ProgressLog {
    private final long[] after = new long[FinishSample.TENTHS];
    private final long[] by = new long[FinishSample.TENTHS];
    private long lastAsked = -1;
    private int tenth = -1;
    private int polls;
    private boolean sentHere;

    ProgressLog() {
        Arrays.fill(after, -1);
        Arrays.fill(by, -1);
    }

    /**
     * A job tracked again after a restart, {@code elapsedMillis} after its submission: counts the polls it may have
     * had at one per {@code intervalMillis}, so the poll budget does not let it catch up on polls it never saved.
     */
    void resumedAt(long elapsedMillis, long intervalMillis) {
        polls = Math.max(polls, (int) (elapsedMillis / intervalMillis));
    }

    /** This process sent the job's create: the log has every poll from the start, none to make up for at a resume. */
    void sentHere() {
        sentHere = true;
    }

    /** Whether the log may lack polls made before it existed (a job tracked again after a restart). */
    boolean mayLackPolls() {
        return !sentHere && polls == 0;
    }

    /** A poll asked at {@code askedMillis} and answered at {@code answeredMillis} found the job running at {@code progress}. */
    void running(long askedMillis, long answeredMillis, int progress) {
        int now = Math.max(0, Math.min(FinishSample.TENTHS - 1, progress / 10));
        for (int t = Math.max(1, tenth + 1); t <= now; t++) {
            after[t] = Math.max(0, lastAsked);
            by[t] = answeredMillis;
        }
        tenth = Math.max(tenth, now);
        lastAsked = askedMillis;
        polls++;
    }

    /** Counts a poll that did not find the job running (finished, or the poll failed): the budget counts every poll. */
    void counted() {
        polls++;
    }

    /**
     * What the polls showed of a job seen completed by {@code answeredMillis}, or {@code null} when no poll of this
     * process saw it running (nothing bounds its run).
     */
    FinishSample sample(String jobId, String model, int seconds, Instant submittedAt, long answeredMillis) {
        if (lastAsked < 0) {
            return null;
        }
        return new FinishSample(jobId, model, seconds, submittedAt, lastAsked, Math.max(lastAsked, answeredMillis),
                after.clone(), by.clone());
    }

    int polls() {
        return polls;
    }

    /** When the last poll that found the job running was asked, or -1 when none did. */
    long lastAsked() {
        return lastAsked;
    }

    /** The highest tenth of progress seen, or -1 before any poll saw the job running. */
    int tenth() {
        return tenth;
    }

    /** The lower bound of when {@code t} was first reached, or -1 when no poll saw it. */
    long after(int t) {
        return after[t];
    }

    /** The upper bound of the same, or -1. */
    long by(int t) {
        return by[t];
    }
}
