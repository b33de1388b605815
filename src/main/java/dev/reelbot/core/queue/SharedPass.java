package dev.reelbot.core.queue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When a job no capacity-queue pass has seen waits for the next pass, shared by every job that arrived meanwhile,
 * instead of running one of its own: a pass reads every job waiting or in flight, so one per new job made a burst of
 * 10,000 commands cost 10,000 passes of up to 10,000 rows each.
 */
final class SharedPass {
    /** From how many jobs waiting or in flight (as the last pass found them) a new job waits for the next pass. */
    static final int FROM = 100;
    /** How long it waits before it runs one itself: the least gap between passes plus a tick or two. */
    static final Duration PATIENCE = CapacityQueue.LEAST_GAP.multipliedBy(2);

    private SharedPass() {
    }

    /**
     * Waits on {@code lock}, which the caller holds (it is released while waiting), until {@code seen} or
     * {@link #PATIENCE} has passed; a pass notifies the lock's waiters when it is done. An interrupt ends the wait.
     */
    static void await(Object lock, BooleanSupplier seen) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            for (long left = PATIENCE.toMillis(); !seen.getAsBoolean() && left > 0;
                 left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                lock.wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
