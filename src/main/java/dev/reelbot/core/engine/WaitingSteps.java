package dev.reelbot.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The job steps that are due and wait for a worker, in two lanes: urgent ones (what users wait for) go first,
 * routine ones (progress polls) after them, except that a routine step that has waited {@link #PATIENCE} goes
 * first too, so no job waits without end.
 *
 * <p>Threading: lock-free queues; the poller's tick adds, runners on the workers take.
 */
final class WaitingSteps {
    /** How long a routine step may wait behind urgent ones before it goes first. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Queue<Tracked> urgent = new ConcurrentLinkedQueue<>();
    private final Queue<Tracked> routine = new ConcurrentLinkedQueue<>();

    void addUrgent(Tracked job) {
        urgent.add(job);
    }

    void addRoutine(Tracked job, Instant now) {
        job.waitingSince = now;
        job.inRoutineLane = true;
        routine.add(job);
    }

    /** Moves a waiting routine step to the urgent lane (a wake-up); false when it is not waiting there. */
    boolean promote(Tracked job) {
        // The flag spares a search of the lane (thousands long on a busy engine) for the many wake-ups of jobs
        // that are not in it; removing is what decides.
        if (!job.inRoutineLane || !routine.remove(job)) {
            return false;
        }
        job.inRoutineLane = false;
        urgent.add(job);
        return true;
    }

    boolean isEmpty() {
        return urgent.isEmpty() && routine.isEmpty();
    }

    /** The step to run next, or {@code null} when none waits. */
    Tracked next(Instant now) {
        Tracked oldest = routine.peek();
        if (oldest != null && !oldest.waitingSince.plus(PATIENCE).isAfter(now)) {
            Tracked job = fromRoutine();
            if (job != null) {
                return job;
            }
        }
        Tracked job = urgent.poll();
        return job != null ? job : fromRoutine();
    }

    private Tracked fromRoutine() {
        Tracked job = routine.poll();
        if (job != null) {
            job.inRoutineLane = false;
        }
        return job;
    }
}
