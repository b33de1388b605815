package dev.reelbot.core.notice;

import java.time.Instant;

/**
 * What the engine remembers about one job's admin notice (a refund or a delivery notice) between steps, in memory
 * only: when it may next be posted or edited (a schedule of its own, so trouble in the admin room never holds up the
 * requester's message), failures in a row, and what this process knows of its own claim. Losing it in a restart is
 * harmless: a claim found at start-up counts as inherited, and its notice is posted marked as a possible repeat.
 *
 * <p>Threading: touched only by the worker stepping the job (the poller never steps a job twice at once).
 */
public final class NoticeAttempts {
    /** When the notice may next be posted or edited. */
    Instant at;
    /** Failed attempts in a row. */
    int errors;
    /** Whether this process claimed the notice (or tried to, and cannot know whether the claim landed). */
    boolean claimed;
    /** Whether an attempt of this process may have posted the notice (it failed in a way that cannot tell). */
    boolean maybePosted;
    /**
     * Whether the job was already claimed for a notice when this process started: the claim was left by a process
     * that stopped between claiming and confirming, and the notice may or may not have gone out.
     */
    final boolean inheritedClaim;

    public NoticeAttempts(boolean inheritedClaim, Instant now) {
        this.inheritedClaim = inheritedClaim;
        this.at = now;
    }

    /** When the notice may next be posted or edited. */
    public Instant nextAttempt() {
        return at;
    }
}
