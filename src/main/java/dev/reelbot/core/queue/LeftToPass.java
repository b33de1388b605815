package dev.reelbot.core.queue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Jobs no pass had seen when their step asked for a turn while the line was long: instead of a pass of their own
 * (each reads the line) or a wait for the next (which held a sending thread), their step ends and the next pass wakes
 * them to send, so a burst of commands costs one pass and ties up no thread. A job woken and not stepped before the
 * pass after that is forgotten; should its step come, it asks again.
 *
 * <p>Threading: not thread-safe; the queue uses it under its lock.
 */
final class LeftToPass {
    /**
     * From how many jobs waiting or in flight (as the last pass found them) a job no pass has seen is left to the
     * next pass instead of running one of its own: a burst of 10,000 commands must not cost 10,000 passes.
     */
    static final int FROM = 100;
    /** By job: woken by a pass (true), or waiting for one (false). */
    private final Map<String, Boolean> jobs = new HashMap<>();

    /** Leaves the job to the next pass, unless a pass woke it already (it then goes on); true when left. */
    boolean leave(String jobId) {
        return !Boolean.TRUE.equals(jobs.putIfAbsent(jobId, false));
    }

    /** The job's step goes on with a turn, or without one: it no longer waits for a pass. */
    void goesOn(String jobId) {
        jobs.remove(jobId);
    }

    /** Whether the job asked for a turn and was left to a pass (woken by one or not). */
    boolean has(String jobId) {
        return jobs.containsKey(jobId);
    }

    boolean awaitsPass(String jobId) {
        return Boolean.FALSE.equals(jobs.get(jobId));
    }

    /** A pass starts: the jobs the last one woke and that were not stepped since are forgotten. */
    void passStarts() {
        jobs.values().removeIf(woken -> woken);
    }

    /** A pass is done: every job waiting for it is woken (added to {@code toSend}). */
    void wakeAll(Set<String> toSend) {
        jobs.replaceAll((jobId, woken) -> {
            toSend.add(jobId);
            return true;
        });
    }
}
