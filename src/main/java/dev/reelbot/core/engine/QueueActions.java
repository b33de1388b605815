package dev.reelbot.core.engine;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.queue.CapacityQueue;
import dev.reelbot.core.render.Renderer;
import dev.reelbot.core.text.Texts;
import java.time.Clock;
import java.util.Optional;

/**
 * What people do to jobs waiting in the queue: cancel one (its requester or an admin; free, since it was never
 * sent) and bump one to the front of the line (admins). Each is a compare-and-set from a state not yet sent, so a
 * job the queue is sending at that moment is never cancelled after its create went out.
 */
final class QueueActions {
    private final JobStore store;
    private final JobUpdates updates;
    private final CapacityQueue queue;
    private final Poller poller;
    private final Renderer renderer;
    private final Clock clock;

    QueueActions(JobStore store, JobUpdates updates, CapacityQueue queue, Poller poller, Renderer renderer,
                 Clock clock) {
        this.store = store;
        this.updates = updates;
        this.queue = queue;
        this.poller = poller;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Cancels {@code job} (the caller checked {@code who} may) if it has not been sent. */
    Reply cancel(Requester who, Job job) {
        if (job.state() == JobState.CANCELLED) {
            return Reply.refused(who.texts().get("queue.already-cancelled", job.id()));
        }
        if (!job.state().isUnsent()) {
            return Reply.refused(notWaiting(job, "queue.cancel.not-waiting", "queue.cancel.in-flight", who));
        }
        Optional<Job> cancelled = updates.tryApply(job, j -> Transitions.cancelled(j, who.userName(),
                clock.instant()));
        if (cancelled.isEmpty()) {
            Job now = store.find(job.id()).orElse(job);
            return now.state().isUnsent() ? Reply.refused(who.texts().get("queue.changed", job.id()))
                    : Reply.refused(notWaiting(now, "queue.cancel.not-waiting", "queue.cancel.in-flight", who));
        }
        JobUpdates.event(cancelled.get(), "cancelled by {} before it was sent", who.qualifiedUser());
        queue.changed();
        poller.follow(cancelled.get());
        return new Reply(who.texts().get("queue.cancelled", job.id()), true, job.id());
    }

    /** Moves a waiting job to the front of the line (admins only; the caller checked). */
    Reply bump(Requester admin, String jobId) {
        Optional<Job> found = store.find(jobId);
        if (found.isEmpty()) {
            return Reply.refused(admin.texts().get("refunds.no-job", jobId));
        }
        if (!found.get().state().isUnsent()) {
            return Reply.refused(notWaiting(found.get(), "queue.bump.not-waiting", "queue.bump.in-flight", admin));
        }
        Job bumped = updates.apply(found.get(), j -> Transitions.bumped(j, clock.instant()));
        if (!bumped.state().isUnsent()) {
            return Reply.refused(notWaiting(bumped, "queue.bump.not-waiting", "queue.bump.in-flight", admin));
        }
        JobUpdates.event(bumped, "bumped to the front of the line by {}", admin.qualifiedUser());
        queue.changed();
        return new Reply(admin.texts().get("queue.bumped", jobId), true, jobId);
    }

    /** Why {@code job} cannot be cancelled or bumped (the keys say which), in the words of {@code who}. */
    private String notWaiting(Job job, String notWaitingKey, String inFlightKey, Requester who) {
        Texts t = who.texts();
        return t.get(job.state().isInFlight() ? inFlightKey : notWaitingKey, job.id(),
                renderer.summaryHeadline(job, clock.instant(), t));
    }
}
