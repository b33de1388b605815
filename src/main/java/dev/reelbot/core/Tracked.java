package dev.reelbot.core;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

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
    Instant deliveryAt;
    /** The video download running on the downloads' pool, or {@code null}: its thread only completes the future. */
    Downloads.Fetch download;
    /** The media stage (keep, poster, fit) running on the media pool, or {@code null}; likewise. */
    CompletableFuture<MediaWork.Prepared> media;
    /** The downloaded video and what the media stage made of it, kept for the next attempt until delivered. */
    MediaWork.Prepared prepared;
    /** Whether the chat already refused a fitted or original upload as too large once, and it was fitted smaller. */
    boolean refitted;
    int chatErrors;
    /**
     * When the refund notice may next be posted or edited, on a schedule of its own: trouble in the admin room never
     * holds up the requester's message. {@link #noticeErrors} failures in a row so far.
     */
    Instant noticeAt;
    int noticeErrors;
    /** Whether this process claimed the refund notice (or tried to, and cannot know whether the claim landed). */
    boolean claimedNotice;
    /** Whether an attempt of this process may have posted the notice (it failed in a way that cannot tell). */
    boolean noticeMaybePosted;
    /** Whether an attempt of this process may have uploaded the video, likewise. */
    boolean uploadMaybeSent;
    /**
     * Whether the job was already claimed for a notice when this process started: the claim was left by a process
     * that stopped between claiming and confirming, and the notice may or may not have gone out.
     */
    final boolean inheritedNoticeClaim;

    Tracked(String jobId, boolean awaitingSubmission, boolean inheritedNoticeClaim, Instant now) {
        this.jobId = jobId;
        this.awaitingSubmission = awaitingSubmission;
        this.inheritedNoticeClaim = inheritedNoticeClaim;
        this.pollAt = now;
        this.chatAt = now;
        this.deliveryAt = now;
        this.noticeAt = now;
    }
}
