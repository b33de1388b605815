package dev.reelbot.core.job;

import dev.reelbot.core.text.Msg;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoLink;
import java.time.Instant;

/**
 * The job state machine: every change a job can go through, as pure functions from one {@link Job} to the next.
 * The store applies each result with a compare-and-set, so these decide what happens and the store decides
 * whether it happens once. A change that no longer applies to the job as stored throws {@link JobMovedOn}.
 */
public final class Transitions {
    private Transitions() {
    }

    /**
     * The create request is about to go out: applied with a single compare-and-set before it is sent, so only the
     * step that wins it sends the request, and a job found in this state later is never sent again.
     */
    public static Job sending(Job job, Instant now) {
        require(job, job.state().isUnsent(), "sending");
        return job.withState(JobState.SENDING, now);
    }

    /** Not its turn yet: the job waits in the bot's queue for capacity, visibly, nothing sent. */
    public static Job waiting(Job job, Instant now) {
        require(job, job.state() == JobState.SUBMITTING, "waiting");
        return job.withState(JobState.WAITING, now);
    }

    /** A provable refusal for capacity: nothing billed, back to the queue (the only way out of SENDING unsent). */
    public static Job refused(Job job, Instant now) {
        require(job, job.state() == JobState.SENDING, "refused for capacity");
        return job.withState(JobState.WAITING, now);
    }

    /** Its requester or an admin cancelled it before it was sent: final, nothing billed, no refund case. */
    public static Job cancelled(Job job, String by, Instant now) {
        require(job, job.state().isUnsent(), "cancelled");
        return job.withState(JobState.CANCELLED, now)
                .withFailure(new Failure(Msg.of("failure.cancelled", by), "cancelled", null));
    }

    /** An admin moved the job to the front of the line. */
    public static Job bumped(Job job, Instant now) {
        require(job, job.state().isUnsent(), "bumped");
        return job.withBumpedAt(now).withTimes(touched(job, now));
    }

    /** The API accepted the create request: the job is billed from now. */
    public static Job submitted(Job job, TaskStatus status, Instant now) {
        require(job, job.state() == JobState.SENDING, "submitted");
        JobTimes t = job.times();
        Job billed = job.withTimes(new JobTimes(t.createdAt(), now, now, t.finishedAt(), now))
                .withTask(new JobTask(status.taskId(), status.rawStatus(), progressOf(status, 0), null, null, 0, 0));
        return applyPhase(billed, status, now);
    }

    /** The API refused the create request: nothing was billed. */
    public static Job rejected(Job job, Failure why, Instant now) {
        require(job, job.state() == JobState.SENDING, "rejected");
        return job.withState(JobState.REJECTED, now).withFailure(why);
    }

    /**
     * The create request may have reached the API: it may be billed, and is never resent. {@code taskId} is the
     * API's id when the bot heard it but could not record it, for the admins; else {@code null}.
     */
    public static Job submitUnknown(Job job, Failure why, String taskId, Instant now) {
        require(job, job.state() == JobState.SENDING, "submit unknown");
        JobTask t = job.task();
        Job unknown = taskId == null ? job : job.withTask(new JobTask(taskId, t.apiStatus(), t.progress(),
                t.videoUrl(), t.expiresAt(), t.pollErrors(), t.missingPolls()));
        return needRefund(unknown.withState(JobState.SUBMIT_UNKNOWN, now).withFailure(why), why);
    }

    /** A status poll answered. Progress never goes backwards and a running job never returns to queued. */
    public static Job polled(Job job, TaskStatus status, Instant now) {
        require(job, job.state() == JobState.QUEUED || job.state() == JobState.RUNNING, "polled");
        JobTask t = job.task();
        int progress = Math.max(t.progress(), progressOf(status, t.progress()));
        boolean moved = progress > t.progress() || phaseOf(status.phase(), job.state()) != job.state();
        JobTimes times = job.times();
        Job next = job.withTask(new JobTask(t.taskId(), status.rawStatus(), progress, t.videoUrl(), t.expiresAt(), 0, 0))
                .withTimes(new JobTimes(times.createdAt(), times.submittedAt(), now, times.finishedAt(),
                        moved ? now : times.progressAt()));
        return applyPhase(next, status, now);
    }

    /** A status poll failed (network, 5xx, 429, garbage): count it for backoff. */
    public static Job pollFailed(Job job, Instant now) {
        JobTask t = job.task();
        return job.withTask(new JobTask(t.taskId(), t.apiStatus(), t.progress(), t.videoUrl(), t.expiresAt(),
                t.pollErrors() + 1, t.missingPolls())).withTimes(touched(job, now));
    }

    /** The API says the task does not exist; after {@code lostAfter} such answers in a row the job is lost. */
    public static Job taskMissing(Job job, int lostAfter, Instant now) {
        JobTask t = job.task();
        Job counted = job.withTask(new JobTask(t.taskId(), t.apiStatus(), t.progress(), t.videoUrl(), t.expiresAt(),
                t.pollErrors() + 1, t.missingPolls() + 1)).withTimes(touched(job, now));
        if (counted.task().missingPolls() < lostAfter) {
            return counted;
        }
        return fail(counted, JobState.FAILED, new Failure(Msg.of("failure.task-lost"), "task_lost", null),
                now);
    }

    /** The bot gave up waiting. */
    public static Job timedOut(Job job, Failure why, Instant now) {
        require(job, !job.state().isFinal(), "timed out");
        return fail(job, JobState.TIMED_OUT, why, now);
    }

    /** The progress message was posted or edited to show the view with {@code fingerprint}. */
    public static Job shown(Job job, MessageRef ref, String fingerprint, boolean isFinal, Instant now) {
        return job.withMessage(new JobMessage(ref, fingerprint, now, isFinal, job.message().postKey()))
                .withTimes(touched(job, now));
    }

    /** A post of the progress message is about to be attempted with {@code key}. */
    public static Job postIntended(Job job, String key, Instant now) {
        JobMessage m = job.message();
        return job.withMessage(new JobMessage(m.ref(), m.shown(), m.shownAt(), m.finalShown(), key))
                .withTimes(touched(job, now));
    }

    /** The requester was told the final outcome privately (a refused job has no channel message). */
    public static Job toldPrivately(Job job, Instant now) {
        return job.withMessage(job.message().withFinalShown(true, now)).withTimes(touched(job, now));
    }

    /**
     * The requester could not be shown the outcome anywhere (channel and fallbacks refused): stop trying, and make
     * sure the admins hear of it if nobody else will. A job still running is left to end first: a generated video is
     * never a refund case (one still to be delivered gets a delivery notice, see {@link #undelivered}; one delivered
     * needs nothing more), and a job that fails raises its refund notice then.
     */
    public static Job unreachable(Job job, String why, Instant now) {
        Job given = job.withMessage(job.message().withFinalShown(true, now)).withTimes(touched(job, now));
        boolean endedWithoutVideo = job.state().isFinal() && job.state() != JobState.COMPLETED;
        return !endedWithoutVideo || job.refund().state() != RefundState.NONE
                ? given : needRefund(given, new Failure(Msg.of("failure.unreachable", why), "unreachable", null));
    }

    /** The progress message was deleted by someone: post a new one. */
    public static Job messageGone(Job job, Instant now) {
        return job.withMessage(JobMessage.NONE).withTimes(touched(job, now));
    }

    /**
     * The video reached the chat: uploaded as it came, uploaded fitted under the limit, or linked; {@code link} is
     * what the message links to ({@code null}: nothing), {@code poster} its poster frame, {@code kept} where the bot
     * keeps the original.
     */
    public static Job delivered(Job job, DeliveryState how, String note, VideoLink link, String poster, String kept,
                         Instant now) {
        require(job, job.delivery().state() == DeliveryState.PENDING && (how == DeliveryState.UPLOADED
                || how == DeliveryState.TRANSCODED || how == DeliveryState.LINKED), "delivered");
        return job.withDelivery(job.delivery().ended(how, note, link, poster, kept, NoticeState.NONE))
                .withMessage(unfinalised(job)).withTimes(touched(job, now));
    }

    /**
     * The video exists but no chat took it (nor a link to it), or its requester can be reached nowhere: the admins
     * get a delivery notice naming where it is kept. Never a refund case and never shown as a failure; {@code why}
     * is kept with its technical detail for {@code /video status}.
     */
    public static Job undelivered(Job job, Failure why, VideoLink link, String kept, Instant now) {
        require(job, job.delivery().state() == DeliveryState.PENDING, "undelivered");
        return job.withDelivery(job.delivery().ended(DeliveryState.UNDELIVERED, why.message(), link, null, kept,
                NoticeState.NEEDED)).withFailure(why).withMessage(unfinalised(job)).withTimes(touched(job, now));
    }

    /** One delivery attempt failed; it is tried again later (the deliverer decides when to stop). */
    public static Job deliveryAttemptFailed(Job job, String why, Instant now) {
        require(job, job.delivery().state() == DeliveryState.PENDING, "delivery failed");
        return job.withDelivery(job.delivery().attemptFailed(why)).withTimes(touched(job, now));
    }

    /** Claims the right to post the delivery notice; only one claim can win the compare-and-set. */
    public static Job deliveryNoticeClaimed(Job job, Instant now) {
        require(job, job.delivery().notice() == NoticeState.NEEDED, "delivery notice claimed");
        return job.withDelivery(job.delivery().withNotice(NoticeState.NOTIFYING, null)).withTimes(touched(job, now));
    }

    /** The delivery notice is in the admin channel; the requester's message now says the admins were told. */
    public static Job deliveryNoticePosted(Job job, MessageRef notice, Instant now) {
        require(job, job.delivery().notice() == NoticeState.NOTIFYING, "delivery notice posted");
        return job.withDelivery(job.delivery().withNotice(NoticeState.POSTED, notice)).withMessage(unfinalised(job))
                .withTimes(touched(job, now));
    }

    /** Claims the right to post the refund notice; only one claim can win the compare-and-set. */
    public static Job noticeClaimed(Job job, Instant now) {
        require(job, job.refund().state() == RefundState.NEEDED, "notice claimed");
        JobRefund r = job.refund();
        return job.withRefund(new JobRefund(RefundState.NOTIFYING, r.reason(), r.notice(), null, null, null, false))
                .withTimes(touched(job, now));
    }

    /**
     * The refund notice is in the admin channel; the requester's message must now say so. An admin may have
     * resolved the case while it was being posted: the notice is then recorded as outdated, so the engine edits
     * it to show the resolution.
     */
    public static Job noticePosted(Job job, MessageRef notice, Instant now) {
        JobRefund r = job.refund();
        boolean resolvedMeanwhile = r.state() == RefundState.RESOLVED && r.notice() == null;
        require(job, r.state() == RefundState.NOTIFYING || resolvedMeanwhile, "notice posted");
        JobRefund posted = resolvedMeanwhile
                ? new JobRefund(r.state(), r.reason(), notice, r.resolvedBy(), r.note(), r.resolvedAt(), true)
                : new JobRefund(RefundState.OPEN, r.reason(), notice, null, null, null, false);
        return job.withRefund(posted).withMessage(unfinalised(job)).withTimes(touched(job, now));
    }

    /** An admin resolved the refund case; its notice, if posted, must now show that. */
    public static Job resolved(Job job, String by, String note, Instant now) {
        require(job, job.refund().state() == RefundState.OPEN || job.refund().state() == RefundState.NOTIFYING,
                "resolved");
        JobRefund r = job.refund();
        return job.withRefund(new JobRefund(RefundState.RESOLVED, r.reason(), r.notice(), by, note, now,
                r.notice() != null)).withTimes(touched(job, now));
    }

    /** The notice message shows the resolution now (or was deleted, so nothing is left to show it on). */
    public static Job resolutionShown(Job job, Instant now) {
        JobRefund r = job.refund();
        require(job, r.noticeOutdated(), "shown resolved");
        return job.withRefund(new JobRefund(r.state(), r.reason(), r.notice(), r.resolvedBy(), r.note(),
                r.resolvedAt(), false)).withTimes(touched(job, now));
    }

    private static Job applyPhase(Job job, TaskStatus status, Instant now) {
        JobState next = phaseOf(status.phase(), job.state());
        if (next == JobState.COMPLETED) {
            JobTask t = job.task();
            return job.withState(JobState.COMPLETED, now)
                    .withTask(new JobTask(t.taskId(), t.apiStatus(), 100, status.videoUrl(), status.expiresAt(), 0, 0))
                    .withDelivery(JobDelivery.pending());
        }
        if (next == JobState.FAILED) {
            Msg words = status.errorMessage() == null ? Msg.of("failure.generation.no-reason")
                    : Msg.of("failure.generation", status.errorMessage());
            String code = status.errorCode() == null ? "generation_failed" : status.errorCode();
            return fail(job, JobState.FAILED, new Failure(words, code, null), now);
        }
        return job.withState(next, now);
    }

    private static JobState phaseOf(TaskPhase phase, JobState current) {
        return switch (phase) {
            case QUEUED -> current == JobState.RUNNING ? JobState.RUNNING : JobState.QUEUED;
            case RUNNING -> JobState.RUNNING;
            case COMPLETED -> JobState.COMPLETED;
            case FAILED -> JobState.FAILED;
        };
    }

    private static Job fail(Job job, JobState state, Failure why, Instant now) {
        return needRefund(job.withState(state, now).withFailure(why), why);
    }

    /**
     * The admins' reason is the plain one too: a notice is a message in a channel, and the technical detail may name
     * internal hosts; it stays in the log and in {@code status} for admins (the notice says so).
     */
    private static Job needRefund(Job job, Failure why) {
        JobRefund r = job.refund();
        if (r.state() != RefundState.NONE) {
            return job;
        }
        return job.withRefund(new JobRefund(RefundState.NEEDED, why.message(), null, null, null, null, false));
    }

    /** A change the requester must see: the final view has to be shown (again). */
    private static JobMessage unfinalised(Job job) {
        return job.message().withFinalShown(false, job.message().shownAt());
    }

    static JobTimes touched(Job job, Instant now) {
        JobTimes t = job.times();
        return new JobTimes(t.createdAt(), t.submittedAt(), now, t.finishedAt(), t.progressAt());
    }

    private static int progressOf(TaskStatus status, int fallback) {
        return status.progress() == null ? fallback : status.progress();
    }

    static void require(Job job, boolean condition, String change) {
        if (!condition) {
            throw new JobMovedOn("job " + job.id() + " cannot be " + change + " in state " + job.state()
                    + " (delivery " + job.delivery().state() + ", refund " + job.refund().state() + ")");
        }
    }
}
