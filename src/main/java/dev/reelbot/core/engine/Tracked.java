package dev.reelbot.core.engine;

import dev.reelbot.core.deliver.DeliveryAttempts;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.notice.NoticeAttempts;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the engine remembers about a job between steps, in memory only: the job as its last step left it, and when
 * each duty may next run. Losing it in a restart is harmless: every duty is then due at once, and the stored job
 * says what is left to do.
 *
 * <p>Threading: only the worker stepping the job touches it, and the poller never steps a job twice at once; the
 * poller's tick reads {@link #awaitingSubmission} to pick the pool and sets {@link #onSubmitPool} before the step,
 * the capacity queue's wake-up sets {@link #awaitingSubmission} when the job's turn comes, and anyone may mark the
 * job {@link #stale}. The count in {@link PendingSubmissions} is released once, atomically, by its step or by the
 * lease heartbeat forgetting it.
 */
final class Tracked {
    final String jobId;
    /**
     * The job as its last step left it, so the next step need not read it from the store: the stored job is the
     * truth and this a copy of it, possibly ahead by progress not written yet ({@link #heldSince}). {@code null}
     * until a step has finished; a step that fails part way leaves it {@code null}, so the next one reads the store.
     */
    private Job job;
    /**
     * Set by whoever changed the job outside its steps (a cancel, an admin resolving its refund case): the next step
     * reads it from the store instead of trusting {@link #job}.
     */
    volatile boolean stale;
    /** Since when {@link #job} holds progress not written yet (see {@link JobUpdates#applyLazily}), or null. */
    private Instant heldSince;
    /** The version {@link #job} had when it began to hold progress: a write of it since then carried it along. */
    private long heldVersion;
    /**
     * Whether its next step should try to send its create request (a new job, or one whose turn in the queue came):
     * the poller then runs that step on the submit workers.
     */
    volatile boolean awaitingSubmission;
    /** Whether this step runs on the submit workers, the only steps that may send a create request. */
    boolean onSubmitPool;
    /** Whether it is counted in {@link PendingSubmissions}: accepted here, or found {@code SUBMITTING}, not sent yet. */
    private final AtomicBoolean countedUnsent;
    /** The task id the API answered to this process's create request while it is not recorded yet, else null. */
    String unrecordedTaskId;
    /**
     * Whether the API turned this process's create away as busy while that is not recorded yet: the job is then put
     * back in the queue, not reported outcome-unknown (only this process heard the refusal, so only it may).
     */
    boolean unrecordedRefusal;
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
    /** Whether the step waits in the routine lane (see {@link WaitingSteps#promote}); a hint, set around it. */
    volatile boolean inRoutineLane;
    /** When the job's own message may next be posted or edited; {@link #chatErrors} failures in a row so far. */
    Instant chatAt;
    int chatErrors;
    /**
     * When the message may next show its final view: {@link #chatAt}, unless the wait there came from a progress
     * edit the bot's own limiter held back, which keeps a reserve for final views (a platform's refusal holds the
     * final view too: it would be refused again).
     */
    Instant finalChatAt;

    /** The message waits until {@code until}; its final view too, unless {@code finalViewMayGo}. */
    void chatWait(Instant until, boolean finalViewMayGo) {
        chatAt = until;
        if (!finalViewMayGo) {
            finalChatAt = until;
        }
    }
    /**
     * Whether the message's stored post key has not reached the platform: this process wrote it, and every post with
     * it was turned away as rate limited (never carried out). Its next post is then known to be the first, so what
     * it shows is recorded and not edited again to the same view. False after a restart: the key may have gone.
     */
    boolean postKeyUnused;
    /** The fingerprint of what its message should show, for the copy of the job it was made from. */
    final ShownFingerprint shown = new ShownFingerprint();
    /** What its polls saw of its progress, for the learned finish times and the poll budget. */
    final ProgressLog polls = new ProgressLog();
    /** Its delivery's attempts: when the next may run, the download or media work in flight. */
    final DeliveryAttempts delivery;
    /** Its admin notice's attempts (a refund or a delivery notice), on a schedule of their own. */
    final NoticeAttempts notice;

    /**
     * The job as its last step left it, taken for the step under way; empty when the step must read the store: none
     * is kept, someone changed the job outside its steps, or it is not sent yet (the capacity queue and the admins'
     * bump change waiting jobs outside their steps, and sending one must start from the stored row).
     */
    Optional<Job> takeKept() {
        Job kept = job;
        job = null;
        if (kept == null || stale || kept.state().isUnsent() || kept.state() == JobState.SENDING) {
            stale = false;
            heldSince = null;
            return Optional.empty();
        }
        return Optional.of(kept);
    }

    /** Keeps the job the step left for the next step; progress held since an earlier version was written with it. */
    void keep(Job left) {
        job = left;
        if (heldSince != null && left.version() != heldVersion) {
            heldSince = null;
        }
    }

    /** Whether a change of progress alone may wait to be written now: nothing has waited {@link JobUpdates#WRITE_WITHIN}. */
    boolean mayHoldProgress(Instant now) {
        return heldSince == null || now.isBefore(heldSince.plus(JobUpdates.WRITE_WITHIN));
    }

    /** Notes that {@code polled}, the job after a poll of {@code before}, holds progress not written. */
    void holding(Job before, Job polled, Instant now) {
        if (polled != before && polled.version() == before.version() && heldSince == null) {
            heldSince = now;
            heldVersion = before.version();
        }
    }

    /** A job this process just accepted: its create request is still to be sent. */
    static Tracked accepted(String jobId, Instant now) {
        return new Tracked(jobId, true, true, false, now);
    }

    /**
     * A job found unfinished (at start-up, or after a failed accept): one not sent yet still is to be (when its turn
     * comes); a notice claim it holds was left by an earlier process, which may or may not have posted the notice.
     */
    static Tracked resumed(Job job, Instant now) {
        boolean inherited = job.refund().state() == RefundState.NOTIFYING
                || job.delivery().notice() == NoticeState.NOTIFYING;
        Tracked tracked = new Tracked(job.id(), job.state().isUnsent(), job.state() == JobState.SUBMITTING, inherited,
                now);
        tracked.job = job;
        return tracked;
    }

    /**
     * Stops counting it in {@link PendingSubmissions}: true for the one caller that did (its step, once the job left
     * {@code SUBMITTING}, or the instance forgetting a job another took over, whichever comes first).
     */
    boolean uncount() {
        return countedUnsent.compareAndSet(true, false);
    }

    private Tracked(String jobId, boolean awaitingSubmission, boolean countedUnsent, boolean inheritedNoticeClaim,
                    Instant now) {
        this.jobId = jobId;
        this.awaitingSubmission = awaitingSubmission;
        this.countedUnsent = new AtomicBoolean(countedUnsent);
        this.pollAt = now;
        this.chatAt = now;
        this.finalChatAt = now;
        this.delivery = new DeliveryAttempts(now);
        this.notice = new NoticeAttempts(inheritedNoticeClaim, now);
    }
}
