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
 * it) is not bypassed, so their jobs keep their order. Nor is anyone before the first pass, nor on a store shared
 * with other instances (their waiting jobs are seen by passes only).
 *
 * <p>Threading: not thread-safe; the queue uses it under its lock.
 */
final class Bypass {
    /** Requesters with a job waiting, or that may be. */
    private Set<String> waiting = new HashSet<>();
    /** Whether a pass has run since start-up: until then, jobs may wait from before a restart, unseen. */
    private boolean passed;
    /**
     * Whether passes have nothing to do: nothing limits all users, and no job waits (as the last pass found, and none
     * since). Every new job then goes at once, and a long line of jobs not stepped yet (a burst of commands) is not
     * read again and again. Read without the queue's lock (by its tick).
     */
    private volatile boolean quiet;
    /** Jobs that went this way and that the API has not taken yet, with their requesters. */
    private final Map<String, String> going = new HashMap<>();

    /** Whether a job of {@code requester} may go without a pass, when nothing limits all users ({@code unlimited}). */
    boolean mayGo(String requester, boolean unlimited) {
        return passed && unlimited && !waiting.contains(requester);
    }

    /** Whether passes have nothing to do (see {@link #quiet}). */
    boolean quiet() {
        return quiet;
    }

    /** The API refused a create: it has a limit now, which passes keep to. */
    void limited() {
        quiet = false;
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
            waits(requester);
        }
    }

    /** A job of {@code requester} asked for a turn and did not get one: it waits. */
    void waits(String requester) {
        waiting.add(requester);
        quiet = false;
    }

    /**
     * A pass read the line: the requesters with a job waiting are those of the jobs that asked for a turn and have
     * none ({@code WAITING}, or left to the pass, {@code asked}). A job accepted and not stepped yet has not asked: it
     * may go this way when its step comes; so may a job of a requester whose earlier job the pass just gave a turn
     * (about to be sent: should the store find no room for it, its requester waits again, see {@link #done}).
     */
    void passed(Line line, Predicate<String> asked, boolean unlimited) {
        Set<String> now = new HashSet<>();
        for (QueueEntry job : line.order()) {
            if (job.state() == JobState.WAITING || asked.test(job.jobId())) {
                now.add(job.requester());
            }
        }
        waiting = now;
        passed = true;
        quiet = unlimited && now.isEmpty();
    }
}
