package dev.reelbot.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Raises a job's admin notice (a refund case's, or a delivery notice for a video no chat took; see
 * {@link NoticeKind}) in the admin room, once, and keeps a refund notice true: the right to post is claimed with a
 * compare-and-set, so overlapping steps, retries and restarts cannot post twice. A claim another live process holds
 * is left to it. When an earlier attempt may have posted the notice (its answer or its record was lost, or a
 * restart came between claiming and confirming), the post says so, and the adapter looks for that notice by its
 * key before posting; one it cannot find is posted marked as a possible repeat: a duplicate is better than a lost
 * refund. An admin's resolution is shown on the notice the same way, retried until the chat took the edit.
 *
 * <p>Notices keep a schedule of their own ({@link Tracked#noticeAt}), so an admin channel in trouble never holds up
 * the requester's message; the trouble is listed in {@link NoticeTrouble} for {@code /healthz} and counted.
 */
final class NoticeDesk {
    private final JobStore store;
    private final JobUpdates updates;
    private final Renderer renderer;
    private final Clock clock;
    private final EngineMetrics metrics;
    private final NoticeTrouble trouble;

    NoticeDesk(JobStore store, JobUpdates updates, Renderer renderer, Clock clock, EngineMetrics metrics,
               NoticeTrouble trouble) {
        this.store = store;
        this.updates = updates;
        this.renderer = renderer;
        this.clock = clock;
        this.metrics = metrics;
        this.trouble = trouble;
    }

    Job notify(Job job, Tracked tracked, ChatPort chat) {
        NoticeKind kind = NoticeKind.pendingFor(job);
        if (kind == null) {
            return job;
        }
        Job claimed = job;
        if (kind.needed(job)) {
            // Counted as ours before the write: a claim whose write failed after landing is still this process's.
            tracked.claimedNotice = true;
            Optional<Job> won = updates.tryApply(job, j -> kind.claimed(j, clock.instant()));
            if (won.isEmpty()) {
                tracked.claimedNotice = false;
                return store.find(job.id()).orElse(job);
            }
            claimed = won.get();
        } else if (!tracked.claimedNotice && !tracked.inheritedNoticeClaim) {
            return job;
        }
        boolean maybePosted = tracked.inheritedNoticeClaim || tracked.noticeMaybePosted;
        tracked.noticeMaybePosted = true;
        try {
            MessageRef notice = chat.post(chat.adminRoom(claimed.requester()), renderer.notice(claimed, kind,
                    maybePosted), new PostKey(kind.key(claimed), maybePosted));
            tracked.claimedNotice = true;
            Job next = updates.apply(claimed, j -> kind.posted(j, notice, clock.instant()));
            gotThrough(next, tracked);
            JobUpdates.event(next, "{} posted{}: {}", kind.label(), maybePosted ? " (possible repeat)" : "",
                    kind.reason(next));
            return next;
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.TRANSIENT) {
                // Refused outright (a rate limit, no access): this attempt posted nothing.
                tracked.noticeMaybePosted = maybePosted;
            }
            failed(claimed, tracked, e, kind.label(), "not posted yet");
            return claimed;
        }
    }

    /** Shows an admin's resolution on the notice; retried on the notice's schedule until the chat took it. */
    Job showResolution(Job job, Tracked tracked, ChatPort chat) {
        try {
            chat.edit(job.refund().notice(), renderer.notice(job, NoticeKind.REFUND, false));
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.MESSAGE_GONE) {
                failed(job, tracked, e, NoticeKind.REFUND.label(), "not marked resolved yet");
                return job;
            }
            JobUpdates.warn(job, "the refund notice was deleted; nothing left to mark resolved");
        }
        Job next = updates.apply(job, j -> Transitions.resolutionShown(j, clock.instant()));
        gotThrough(next, tracked);
        return next;
    }

    /** The job needs nothing more from the admin room: it no longer counts as trouble there. */
    void settled(String jobId) {
        trouble.cleared(jobId);
    }

    private void gotThrough(Job job, Tracked tracked) {
        tracked.noticeErrors = 0;
        trouble.cleared(job.id());
    }

    /**
     * Retries later. A rate limit (the platform's or the bot's own) is only a wait; anything else is the admin
     * channel's trouble: listed for {@code /healthz}, counted, and logged.
     */
    private void failed(Job job, Tracked tracked, ChatException e, String notice, String what) {
        Instant now = clock.instant();
        if (e.kind() == ChatException.Kind.RATE_LIMITED) {
            tracked.noticeAt = now.plus(EditPolicy.retryAfter(e, tracked.noticeErrors));
            return;
        }
        Instant retry = now.plus(EditPolicy.retryAfter(e, tracked.noticeErrors++));
        tracked.noticeAt = retry;
        trouble.failed(job, notice, e.getMessage(), now);
        metrics.noticeFailed(job.requester().platform());
        JobUpdates.error(job, "{} {} ({}); retrying at {}", notice, what, e.getMessage(), retry);
    }
}
