package dev.reelbot.core.job;

import java.time.Instant;
import java.util.Arrays;

/**
 * What one completed job showed of its timing, as the engine's learned finish times keep it: between which polls it
 * completed and between which polls it first reached each tenth of progress, in milliseconds after its submission.
 * Bounds, not guesses: the poll that saw it still running (or not yet at a tenth) was asked at the lower one, the
 * poll that saw it completed (or at that tenth) answered by the upper one.
 *
 * @param jobId     the job (one sample per job, whichever instance polled it)
 * @param model     the model id
 * @param seconds   the requested duration, 0 for the model's default
 * @param submittedAt when the job was submitted: samples are kept latest by it (see the engine's learned finish times)
 * @param runAfter  it was still running when this poll was asked
 * @param runBy     and completed by the time this poll answered
 * @param after     for each tenth of progress (index 1 for 10%, up to 9 for 90%), the lower bound of when it was first
 *                  reached, or -1 when no poll saw it reached
 * @param by        the upper bound of the same, or -1
 */
public record FinishSample(String jobId, String model, int seconds, Instant submittedAt, long runAfter, long runBy,
                           long[] after, long[] by) {
    /** Tenths of progress, 0 to 9 (0 is never a step: a job shows it from the start). */
    public static final int TENTHS = 10;

    public FinishSample {
        if (after.length != TENTHS || by.length != TENTHS) {
            throw new IllegalArgumentException("one bound per tenth of progress");
        }
        if (runAfter < 0 || runBy < runAfter) {
            throw new IllegalArgumentException("run bounds out of order: " + runAfter + ".." + runBy);
        }
    }

    /** Whether the job was seen at {@code tenth} while it ran. */
    public boolean reached(int tenth) {
        return by[tenth] >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinishSample s && jobId.equals(s.jobId) && model.equals(s.model) && seconds == s.seconds
                && submittedAt.equals(s.submittedAt) && runAfter == s.runAfter && runBy == s.runBy
                && Arrays.equals(after, s.after) && Arrays.equals(by, s.by);
    }

    @Override
    public int hashCode() {
        return jobId.hashCode();
    }

    @Override
    public String toString() {
        return "FinishSample[" + jobId + " " + model + "/" + seconds + "s run " + runAfter + ".." + runBy + "]";
    }
}
