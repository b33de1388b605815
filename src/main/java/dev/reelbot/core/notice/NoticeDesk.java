package dev.reelbot.core.notice;

import dev.reelbot.core.Backoff;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.render.Renderer;
import java.time.Clock;
import java.time.Duration;
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
 * <p>Notices keep a schedule of their own ({@link NoticeAttempts}), so an admin channel in trouble never holds up
 * the requester's message; the trouble is listed in {@link NoticeTrouble} for {@code /healthz} and counted.
 */
public final class NoticeDesk {
    /** How long to wait after a failed post or edit, when the platform did not say: 2 s doubling up to 5 minutes. */
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    private final JobStore store;
    private final JobUpdates updates;
    private final Renderer renderer;
    private final Clock clock;
    private final EngineMetrics metrics;
    private final NoticeTrouble trouble;

    public NoticeDesk(JobStore store, JobUpdates updates, Renderer renderer, Clock clock, EngineMetrics metrics,
               NoticeTrouble trouble) {
        this.store = store;
        this.updates = updates;
        this.renderer = renderer;
        this.clock = clock;
        this.metrics = metrics;
        this.trouble = trouble;
    }

    /**
     * Posts the job's admin notice (its refund case's, else its delivery notice), once: claims the right to, then
     * posts it in the admin room.
     */
    public Job notify(Job job, NoticeAttempts tracked, ChatPort chat) {
        NoticeKind kind = NoticeClaims.pendingFor(job);
        if (kind == null) {
            return job;
        }
        Job claimed = job;
        if (NoticeClaims.needed(kind, job)) {
            // Counted as ours before the write: a claim whose write failed after landing is still this process's.
            tracked.claimed = true;
            Optional<Job> won = updates.tryApply(job, j -> NoticeClaims.claimed(kind, j, clock.instant()));
            if (won.isEmpty()) {
                tracked.claimed = false;
                return store.find(job.id()).orElse(job);
            }
            claimed = won.get();
        } else if (!tracked.claimed && !tracked.inheritedClaim) {
            return job;
        }
        boolean maybePosted = tracked.inheritedClaim || tracked.maybePosted;
        tracked.maybePosted = true;
        try {
            MessageRef notice = chat.post(chat.adminRoom(claimed.requester()), renderer.notice(claimed, kind,
                    maybePosted), new PostKey(kind.key(claimed.id()), maybePosted));
            tracked.claimed = true;
            Job next = updates.apply(claimed, j -> NoticeClaims.posted(kind, j, notice, clock.instant()));
            gotThrough(next, tracked);
            JobUpdates.event(next, "{} posted{}: {}", kind.label(), maybePosted ? " (possible repeat)" : "",
                    NoticeClaims.reason(kind, next));
            return next;
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.TRANSIENT) {
                // Refused outright (a rate limit, no access): this attempt posted nothing.
                tracked.maybePosted = maybePosted;
            }
            failed(claimed, tracked, e, kind.label(), "not posted yet");
            return claimed;
        }
    }

    /** Shows an admin's resolution on the notice; retried on the notice's schedule until the chat took it. */
    public Job showResolution(Job job, NoticeAttempts tracked, ChatPort chat) {
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
    public void settled(String jobId) {
        trouble.cleared(jobId);
    }

    private void gotThrough(Job job, NoticeAttempts tracked) {
        tracked.errors = 0;
        trouble.cleared(job.id());
    }

    /**
     * Retries later. A rate limit (the platform's or the bot's own) is only a wait; anything else is the admin
     * channel's trouble: listed for {@code /healthz}, counted, and logged.
     */
    private void failed(Job job, NoticeAttempts tracked, ChatException e, String notice, String what) {
        Instant now = clock.instant();
        if (e.kind() == ChatException.Kind.RATE_LIMITED) {
            tracked.at = now.plus(RETRIES.after(tracked.errors, e.retryAfter()));
            return;
        }
        Instant retry = now.plus(RETRIES.after(tracked.errors++, e.retryAfter()));
        tracked.at = retry;
        trouble.failed(job, notice, e.getMessage(), now);
        metrics.noticeFailed(job.requester().platform());
        JobUpdates.error(job, "{} {} ({}); retrying at {}", notice, what, e.getMessage(), retry);
    }
}
