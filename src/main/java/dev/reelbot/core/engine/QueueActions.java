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
            return Reply.refused("Job `" + job.id() + "` was already cancelled.");
        }
        if (!job.state().isUnsent()) {
            return Reply.refused(notWaiting(job, "cancelled"));
        }
        Optional<Job> cancelled = updates.tryApply(job, j -> Transitions.cancelled(j, who.userName(),
                clock.instant()));
        if (cancelled.isEmpty()) {
            Job now = store.find(job.id()).orElse(job);
            return now.state().isUnsent() ? Reply.refused("Job `" + job.id() + "` changed just now; try again.")
                    : Reply.refused(notWaiting(now, "cancelled"));
        }
        JobUpdates.event(cancelled.get(), "cancelled by {} before it was sent", who.qualifiedUser());
        queue.changed();
        poller.follow(cancelled.get());
        return new Reply("🛑 Job `" + job.id() + "` cancelled. It was never sent to the video API, so nothing was "
                + "charged.", true, job.id());
    }

    /** Moves a waiting job to the front of the line (admins only; the caller checked). */
    Reply bump(Requester admin, String jobId) {
        Optional<Job> found = store.find(jobId);
        if (found.isEmpty()) {
            return Reply.refused("There is no job `" + jobId + "`.");
        }
        if (!found.get().state().isUnsent()) {
            return Reply.refused(notWaiting(found.get(), "bumped"));
        }
        Job bumped = updates.apply(found.get(), j -> Transitions.bumped(j, clock.instant()));
        if (!bumped.state().isUnsent()) {
            return Reply.refused(notWaiting(bumped, "bumped"));
        }
        JobUpdates.event(bumped, "bumped to the front of the line by {}", admin.qualifiedUser());
        queue.changed();
        return new Reply("⏫ Job `" + jobId + "` is now at the front of the line; it goes as soon as the video API "
                + "has room.", true, jobId);
    }

    private String notWaiting(Job job, String what) {
        return "Job `" + job.id() + "` is not waiting to be sent (" + renderer.render(job, clock.instant())
                .headline() + "), so it cannot be " + what + (job.state().isInFlight()
                ? ": the video API has it already, and offers no way to stop it." : ".");
    }
}
