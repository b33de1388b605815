package dev.reelbot.core.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets a caller wait until the poller has no job left (a demo's end, a test): the step that leaves it idle signals,
 * and the wait also looks again every second, so a missed signal costs a second, never a hang.
 *
 * <p>Threading: any thread signals, any thread waits; both hold this object's monitor.
 */
final class IdleSignal {
    private final BooleanSupplier idle;

    /** @param idle whether no job has work left */
    IdleSignal(BooleanSupplier idle) {
        this.idle = idle;
    }

    /** Wakes the waiters if the poller is idle now. */
    synchronized void signalIfIdle() {
        if (idle.getAsBoolean()) {
            notifyAll();
        }
    }

    /** Waits until idle, or the timeout passes; returns whether it is idle. */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idle.getAsBoolean()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 1000));
        }
        return true;
    }
}
