package dev.reelbot.core.deliver;

import java.time.Instant;

/**
 * What the engine remembers about one job's delivery between steps, in memory only: when the next attempt may run,
 * the download in flight, and whether an upload may have gone out without its answer. Losing it in a restart is
 * harmless: the next attempt is then due at once, and the stored job says how many attempts were made.
 *
 * <p>Threading: touched only by the worker stepping the job (the poller never steps a job twice at once); the
 * download's own thread only completes its future.
 */
public final class DeliveryAttempts {
    /** When the next attempt may run. */
    Instant at;
    /** The download running on the downloads' pool, or {@code null}. */
    Downloads.Fetch download;
    /** Whether an attempt of this process may have uploaded the video (it failed in a way that cannot tell). */
    boolean uploadMaybeSent;

    public DeliveryAttempts(Instant now) {
        this.at = now;
    }

    /** When the next attempt may run (a running download wakes the job itself when it is done). */
    public Instant nextAttempt() {
        return at;
    }
}
