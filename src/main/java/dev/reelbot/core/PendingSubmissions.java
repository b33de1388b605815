package dev.reelbot.core;

import java.time.Duration;

/**
 * Counts jobs accepted by this process whose create request has not been sent yet, so a graceful shutdown can let
 * them go out first: a job still submitting at the next start must be treated as outcome-unknown.
 *
 * <p>Threading: all methods synchronize on this object.
 */
final class PendingSubmissions {
    private int pending;

    synchronized void accepted() {
        pending++;
    }

    synchronized void done() {
        pending = Math.max(0, pending - 1);
        if (pending == 0) {
            notifyAll();
        }
    }

    /** Waits until none are pending or the timeout passes; returns how many are still pending. */
    synchronized int await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                break;
            }
            wait(leftMillis);
        }
        return pending;
    }
}
