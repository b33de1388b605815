package dev.reelbot.core.job;

/**
 * A job's refund case. {@code NEEDED -> NOTIFYING -> OPEN -> RESOLVED}; the step to {@code NOTIFYING} is a
 * compare-and-set claim, so however many polls, retries or restarts overlap, one notice is raised per job.
 */
public enum RefundState {
    NONE,
    /** A notice must be posted. */
    NEEDED,
    /** A notice is being posted; found at start-up, it is posted again marked as a possible repeat. */
    NOTIFYING,
    /** The admins were told; waiting for one of them to resolve it. */
    OPEN,
    /** An admin resolved it. */
    RESOLVED;

    public boolean isPending() {
        return this == NEEDED || this == NOTIFYING;
    }
}
