package dev.reelbot.core.queue;

import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.QueueEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Jobs that go without waiting for a pass. With no limit on the jobs in flight across users (none configured, none
 * learned from the API's refusals), a new job whose requester has nothing waiting is behind nobody: a pass would give
 * it its turn at once, after a read of the whole line. So it goes straight away, and the store, counting the jobs in
 * flight as it marks the job sending, still holds its requester to their own limit. A requester who has a job waiting
 * (as the last pass found, or since: a job of theirs asked and did not go, or went this way and the API did not take
 * it) is not bypassed, so their jobs keep their order.
 *
 * <p>Threading: not thread-safe; the queue uses it under its lock.
 */
final class Bypass {
    /** Requesters with a job waiting, or that may be. */
    private Set<String> waiting = new HashSet<>();
    /** Jobs that went this way and that the API has not taken yet, with their requesters. */
    private final Map<String, String> going = new HashMap<>();

    /** Whether a job of {@code requester} may go without a pass (the caller checked that nothing limits all users). */
    boolean mayGo(String requester) {
        return !waiting.contains(requester);
    }

    /** The job goes without a pass. */
    void goes(String jobId, String requester) {
        going.put(jobId, requester);
    }

    /** The API took the job. */
    void taken(String jobId) {
        going.remove(jobId);
    }

    /**
     * The job's step is done with its turn: one that went this way and that the API did not take (no room for it
     * after all, refused, or its outcome unknown) may be waiting now, and its requester's next jobs go behind it.
     */
    void done(String jobId) {
        String requester = going.remove(jobId);
        if (requester != null) {
            waiting.add(requester);
        }
    }

    /** A job of {@code requester} asked for a turn and did not get one: it waits. */
    void waits(String requester) {
        waiting.add(requester);
    }

    /**
     * A pass read the line: the requesters with a job waiting are those of the jobs that asked for a turn and have
     * none yet ({@code WAITING}, or left to the pass, {@code asked}) or have one not taken yet ({@code granted}). A
     * job accepted and not stepped yet has not asked: it may go this way when its step comes.
     */
    void passed(Line line, Predicate<String> asked) {
        Set<String> now = new HashSet<>();
        for (QueueEntry job : line.order()) {
            if (job.state() == JobState.WAITING || asked.test(job.jobId())) {
                now.add(job.requester());
            }
        }
        waiting = now;
    }

    /** Whether any requester has a job waiting (as far as this instance knows): passes have work to do. */
    boolean anyWaiting() {
        return !waiting.isEmpty();
    }
}
