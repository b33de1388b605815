package dev.reelbot.core.job;

/**
 * A delivery notice's progress: {@code NEEDED -> NOTIFYING -> POSTED}. The step to {@code NOTIFYING} is a
 * compare-and-set claim, as for refund notices, so one notice is posted per job however steps overlap.
 */
public enum NoticeState {
    NONE,
    /** A notice must be posted. */
    NEEDED,
    /** A notice is being posted; found at start-up, it is posted again marked as a possible repeat. */
    NOTIFYING,
    /** The admins were told. */
    POSTED;

    public boolean isPending() {
        return this == NEEDED || this == NOTIFYING;
    }
}
