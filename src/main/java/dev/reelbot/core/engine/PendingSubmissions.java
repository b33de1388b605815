package dev.reelbot.core.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Counts this process's jobs whose create request has not been sent yet ({@code SUBMITTING}), and those being sent
 * now ({@code SENDING}), so a graceful stop can let them go out first, then close the gate: a job not sent by then
 * stays {@code SUBMITTING} and is sent at the next start (it was never billed), while one caught mid-send would
 * be outcome-unknown, which is why the stop waits for those.
 *
 * <p>Threading: all methods synchronize on this object.
 */
final class PendingSubmissions {
    private int unsent;
    private int sending;
    private boolean closed;

    /** A job to be sent by this process was accepted, or found unsent at start-up. */
    synchronized void accepted() {
        unsent++;
    }

    /** A counted job left {@code SUBMITTING}: marked for sending, or moved on by another writer. */
    synchronized void done() {
        unsent = Math.max(0, unsent - 1);
        notifyAll();
    }

    /**
     * Whether a create request may go out now (not once a stop closed the gate); when so, counts it as sending
     * until {@link #stoppedSending()}.
     */
    synchronized boolean startSending() {
        if (closed) {
            return false;
        }
        sending++;
        return true;
    }

    /** A create request got its answer (or failed) and the step that sent it is done with it. */
    synchronized void stoppedSending() {
        sending = Math.max(0, sending - 1);
        notifyAll();
    }

    /**
     * Waits until every counted job was sent or the timeout passes; then closes the gate, so nothing more goes out,
     * and waits up to {@code sendGrace} for the requests already on their way to be answered.
     */
    synchronized Engine.Drained drain(Duration timeout, Duration sendGrace) throws InterruptedException {
        waitUntil(() -> unsent == 0, timeout);
        closed = true;
        waitUntil(() -> sending == 0, sendGrace);
        return new Engine.Drained(unsent, sending);
    }

    private void waitUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return;
            }
            wait(leftMillis);
        }
    }
}
