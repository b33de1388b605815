package dev.reelbot.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Raises a job's refund notice in the admin room, once: the right to post is claimed with a compare-and-set, so
 * overlapping steps, retries and restarts cannot post twice. A claim another live process holds is left to it. A
 * claim found at start-up (the bot died between claiming and confirming) is posted again, marked as a possible
 * repeat: a duplicate is better than a lost refund.
 */
final class NoticeDesk {
    private final JobStore store;
    private final JobUpdates updates;
    private final Renderer renderer;
    private final Clock clock;

    NoticeDesk(JobStore store, JobUpdates updates, Renderer renderer, Clock clock) {
        this.store = store;
        this.updates = updates;
        this.renderer = renderer;
        this.clock = clock;
    }

    Job notify(Job job, Tracked tracked, ChatPort chat) {
        Job claimed = job;
        if (job.refund().state() == RefundState.NEEDED) {
            Optional<Job> won = updates.tryApply(job, j -> Transitions.noticeClaimed(j, clock.instant()));
            if (won.isEmpty()) {
                return store.find(job.id()).orElse(job);
            }
            claimed = won.get();
            tracked.claimedNotice = true;
        } else if (!tracked.claimedNotice && !tracked.inheritedNoticeClaim) {
            return job;
        }
        boolean repeated = !tracked.claimedNotice;
        PostKey key = new PostKey("notice-" + claimed.id(), repeated || tracked.noticeAttempts > 0);
        try {
            MessageRef notice = chat.post(chat.adminRoom(claimed.requester()), renderer.notice(claimed, repeated), key);
            tracked.claimedNotice = true;
            Job next = updates.apply(claimed, j -> Transitions.noticePosted(j, notice, clock.instant()));
            JobUpdates.event(next, "refund notice posted{}: {}", repeated ? " (possible repeat)" : "",
                    next.refund().reason());
            return next;
        } catch (ChatException e) {
            tracked.noticeAttempts++;
            Instant retry = clock.instant().plus(EditPolicy.retryAfter(e, tracked.chatErrors++));
            tracked.chatAt = retry;
            JobUpdates.error(claimed, "refund notice not posted yet ({}); retrying at {}", e.getMessage(), retry);
            return claimed;
        }
    }

    /** Shows an admin's resolution on the notice; best effort, the store already holds it. */
    void showResolution(Job job, ChatPort chat) {
        if (job.refund().notice() == null) {
            return;
        }
        try {
            chat.edit(job.refund().notice(), renderer.notice(job, false));
        } catch (ChatException e) {
            JobUpdates.warn(job, "could not mark the refund notice resolved: {}", e.getMessage());
        }
    }
}
