package dev.reelbot.core.job;

/** What became of a completed job's video. */
public enum DeliveryState {
    /** Nothing to deliver (the job did not complete). */
    NONE,
    /** The video must still be fetched and handed to the chat. */
    PENDING,
    /** The file was uploaded into the chat. */
    UPLOADED,
    /** Too large to upload: the message links to it. */
    LINKED,
    /** Every attempt failed; the requester and the admins were told. */
    FAILED;

    public boolean isDone() {
        return this != PENDING;
    }
}
