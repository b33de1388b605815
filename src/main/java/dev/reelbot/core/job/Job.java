package dev.reelbot.core.job;

import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a job is, as stored: a restart resumes from this alone. Immutable; every change is a new value that
 * the store writes with a compare-and-set on {@link #version()}.
 *
 * @param id         the bot's job id, shown to users
 * @param version    the store's row version, for compare-and-set
 * @param requestKey the platform's id of the command (Slack trigger id, Discord interaction id): a retried
 *                   delivery of the same command finds this job instead of creating a second one
 * @param requester  who asked, where
 * @param request    what they asked for
 * @param state      where the job stands with the API
 * @param failure    why it failed, when it did
 * @param times      its clock readings
 * @param task       what the API said
 * @param delivery   what became of the video
 * @param message    its progress message
 * @param refund     its refund case
 * @param price      what it costs, at the price that applied when it was accepted; {@code null} when its model has
 *                   no price
 * @param bumpedAt   when an admin moved it to the front of the line, or {@code null}
 */
public record Job(
        String id,
        long version,
        String requestKey,
        Requester requester,
        VideoRequest request,
        JobState state,
        Failure failure,
        JobTimes times,
        JobTask task,
        JobDelivery delivery,
        JobMessage message,
        JobRefund refund,
        Money price,
        Instant bumpedAt) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(refund, "refund");
    }

    /** A new job, written before its create request is sent. */
    public static Job submitting(String id, String requestKey, Requester requester, VideoRequest request,
                                 Money price, Instant now) {
        return new Job(id, 0, requestKey, requester, request, JobState.SUBMITTING, null, JobTimes.startingAt(now),
                JobTask.NONE, JobDelivery.NONE, JobMessage.NONE, JobRefund.NONE, price, null);
    }

    /**
     * Whether nothing is left to do: the API is done with it, the video is delivered (or kept, and the admins
     * told), the requester has seen the outcome, and any refund notice is posted and shows its resolution.
     */
    public boolean isSettled() {
        return state.isFinal() && delivery.state().isDone() && message.finalShown() && !refund.state().isPending()
                && !refund.noticeOutdated() && !delivery.notice().isPending();
    }

    /** Whether an admin notice (a refund case's, or a delivery notice) must still be posted. */
    public boolean noticePending() {
        return refund.state().isPending() || delivery.notice().isPending();
    }

    /** Whether the requester could be reached nowhere (not even by DM): the bot stopped trying to show them. */
    public boolean unreachable() {
        return message.ref() == null && message.finalShown() && state != JobState.REJECTED;
    }

    Job withState(JobState newState, Instant now) {
        Instant finished = newState.isFinal() && times.finishedAt() == null ? now : times.finishedAt();
        return new Job(id, version, requestKey, requester, request, newState, failure,
                new JobTimes(times.createdAt(), times.submittedAt(), now, finished, times.progressAt()),
                task, delivery, message, refund, price, bumpedAt);
    }

    Job withFailure(Failure newFailure) {
        return new Job(id, version, requestKey, requester, request, state, newFailure, times, task, delivery, message,
                refund, price, bumpedAt);
    }

    Job withTimes(JobTimes newTimes) {
        return new Job(id, version, requestKey, requester, request, state, failure, newTimes, task, delivery, message,
                refund, price, bumpedAt);
    }

    Job withTask(JobTask newTask) {
        return new Job(id, version, requestKey, requester, request, state, failure, times, newTask, delivery, message,
                refund, price, bumpedAt);
    }

    Job withDelivery(JobDelivery newDelivery) {
        return new Job(id, version, requestKey, requester, request, state, failure, times, task, newDelivery, message,
                refund, price, bumpedAt);
    }

    Job withMessage(JobMessage newMessage) {
        return new Job(id, version, requestKey, requester, request, state, failure, times, task, delivery, newMessage,
                refund, price, bumpedAt);
    }

    Job withRefund(JobRefund newRefund) {
        return new Job(id, version, requestKey, requester, request, state, failure, times, task, delivery, message,
                newRefund, price, bumpedAt);
    }

    Job withBumpedAt(Instant at) {
        return new Job(id, version, requestKey, requester, request, state, failure, times, task, delivery, message,
                refund, price, at);
    }

    /** The same job as the store returns it after a successful compare-and-set. */
    public Job withVersion(long newVersion) {
        return new Job(id, newVersion, requestKey, requester, request, state, failure, times, task, delivery, message,
                refund, price, bumpedAt);
    }
}
