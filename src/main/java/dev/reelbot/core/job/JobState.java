package dev.reelbot.core.job;

/**
 * Where a job stands with the video API. Final states never change again. Billing happens at submission, so
 * {@link #FAILED}, {@link #TIMED_OUT} and {@link #SUBMIT_UNKNOWN} are refund cases; {@link #REJECTED} and
 * {@link #CANCELLED} cost nothing.
 */
public enum JobState {
    /** The row is written and the create request has not been sent: nothing is billed, it may still be sent. */
    SUBMITTING,
    /**
     * Not sent, waiting in the bot's own queue for capacity (the API turned its create away as busy, or the bot's
     * limits on jobs in flight are reached): nothing is billed; it is sent when its turn comes, or cancelled.
     */
    WAITING,
    /**
     * The create request is about to be sent or in flight (marked with a compare-and-set just before it goes out):
     * only the step that marked it sends it, and any later step that finds it so ends it {@link #SUBMIT_UNKNOWN}.
     */
    SENDING,
    /** The API accepted the job and has not started it. */
    QUEUED,
    /** The API is generating the video. */
    RUNNING,
    /** The API finished the video. */
    COMPLETED,
    /** The API says the job failed, or lost it. */
    FAILED,
    /** The bot gave up waiting (time limit or no progress). */
    TIMED_OUT,
    /** The create request may or may not have reached the API; it was not resent. */
    SUBMIT_UNKNOWN,
    /** The API refused the create request; nothing was billed. */
    REJECTED,
    /** Cancelled by its requester or an admin before it was sent; nothing was billed. */
    CANCELLED;

    public boolean isFinal() {
        return this != SUBMITTING && this != WAITING && this != SENDING && this != QUEUED && this != RUNNING;
    }

    /** Whether the create request has not gone out yet: the job waits for its turn and may still be cancelled. */
    public boolean isUnsent() {
        return this == SUBMITTING || this == WAITING;
    }

    /** Whether the API has (or may have) the job running: it takes one of the key's slots. */
    public boolean isInFlight() {
        return this == SENDING || this == QUEUED || this == RUNNING;
    }

    /** Whether the job was (or may have been) billed: its create was accepted, or its outcome is unknown. */
    public boolean isBilled() {
        return this != SUBMITTING && this != WAITING && this != SENDING && this != REJECTED && this != CANCELLED;
    }

    /** Whether the job was (or may have been) billed and did not produce a video. */
    public boolean isRefundCase() {
        return this == FAILED || this == TIMED_OUT || this == SUBMIT_UNKNOWN;
    }
}
