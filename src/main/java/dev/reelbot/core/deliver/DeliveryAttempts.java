package dev.reelbot.core.deliver;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What the engine remembers about one job's delivery between steps, in memory only: when the next attempt may run,
 * the download or media work in flight, the video it prepared, and whether an upload may have gone out without its
 * answer. Losing it in a restart is harmless: the next attempt is then due at once (the video is fetched again),
 * and the stored job says how many attempts were made.
 *
 * <p>Threading: touched only by the worker stepping the job (the poller never steps a job twice at once); the
 * pools' threads only complete their futures.
 */
public final class DeliveryAttempts {
    /** When the next attempt may run. */
    Instant at;
    /** The download running on the downloads' pool, or {@code null}. */
    Downloads.Fetch download;
    /** The media stage (keep, poster, fit) running on its pools, or {@code null}. */
    CompletableFuture<MediaWork.Prepared> media;
    /** The downloaded video and what the media stage made of it, kept for the next attempt until delivered. */
    MediaWork.Prepared prepared;
    /** Whether the chat already refused a fitted or original upload as too large once, and it was fitted smaller. */
    boolean refitted;
    /** Whether an attempt of this process may have uploaded the video (it failed in a way that cannot tell). */
    boolean uploadMaybeSent;

    public DeliveryAttempts(Instant now) {
        this.at = now;
    }

    /** When the next attempt may run (running work wakes the job itself when it is done). */
    public Instant nextAttempt() {
        return at;
    }
}
