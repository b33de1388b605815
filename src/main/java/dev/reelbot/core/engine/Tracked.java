package dev.reelbot.core.engine;

import dev.reelbot.core.deliver.DeliveryAttempts;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.notice.NoticeAttempts;
import java.time.Instant;

/**
 * What the engine remembers about a job between steps, in memory only: when each duty may next run. Losing it in a
 * restart is harmless: every duty is then due at once, and the stored job says what is left to do.
 *
 * <p>Threading: only the worker stepping the job touches it, and the poller never steps a job twice at once; the
 * poller's tick reads {@link #awaitingSubmission} to pick the pool.
 */
final class Tracked {
    final String jobId;
    /**
     * Whether its create request is still to be sent ({@code SUBMITTING}, counted in {@link PendingSubmissions}):
     * the poller then runs its step on the submit workers.
     */
    volatile boolean awaitingSubmission;
    /** The task id the API answered to this process's create request while it is not recorded yet, else null. */
    String unrecordedTaskId;
    Instant pollAt;
    /** Whether the next poll is expected to find the job finished (see {@link PollSchedule#nearEnd}). */
    boolean pollNearEnd;
    /**
     * Whether the next step is routine: only a progress poll and a progress edit of a job not known to be about to
     * finish, or a look at a platform that is away, which may wait while the workers are busy with steps users are
     * waiting for. Set by each step for the next.
     */
    boolean routine;
    /** Since when a routine step has waited for a worker; written by the tick, read by a runner through the queue. */
    Instant waitingSince;
    /** When the job's own message may next be posted or edited; {@link #chatErrors} failures in a row so far. */
    Instant chatAt;
    int chatErrors;
    /** Its delivery's attempts: when the next may run, the download or media work in flight. */
    final DeliveryAttempts delivery;
    /** Its admin notice's attempts (a refund or a delivery notice), on a schedule of their own. */
    final NoticeAttempts notice;

    /** A job this process just accepted: its create request is still to be sent. */
    static Tracked accepted(String jobId, Instant now) {
        return new Tracked(jobId, true, false, now);
    }

    /**
     * A job found unfinished (at start-up, or after a failed accept): one not sent yet still is to be; a notice claim
     * it holds was left by an earlier process, which may or may not have posted the notice.
     */
    static Tracked resumed(Job job, Instant now) {
        boolean inherited = job.refund().state() == RefundState.NOTIFYING
                || job.delivery().notice() == NoticeState.NOTIFYING;
        return new Tracked(job.id(), job.state() == JobState.SUBMITTING, inherited, now);
    }

    private Tracked(String jobId, boolean awaitingSubmission, boolean inheritedNoticeClaim, Instant now) {
        this.jobId = jobId;
        this.awaitingSubmission = awaitingSubmission;
        this.pollAt = now;
        this.chatAt = now;
        this.delivery = new DeliveryAttempts(now);
        this.notice = new NoticeAttempts(inheritedNoticeClaim, now);
    }
}
