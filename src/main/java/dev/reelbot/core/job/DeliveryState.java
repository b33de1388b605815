package dev.reelbot.core.job;

/** What became of a completed job's video. */
public enum DeliveryState {
    /** Nothing to deliver (the job did not complete). */
    NONE,
    /** The video must still be fetched and handed to the chat. */
    PENDING,
    /** The file was uploaded into the chat as it came. */
    UPLOADED,
    /** Over the channel's upload limit: a copy fitted under it was uploaded (the original linked, if it can be). */
    TRANSCODED,
    /** It could not be uploaded here: the message links to it. */
    LINKED,
    /**
     * The chat took neither the file nor a link (or the requester could be reached nowhere): the video is kept,
     * and the admins get a delivery notice saying where. Never a refund case: the video exists.
     */
    UNDELIVERED;

    public boolean isDone() {
        return this != PENDING;
    }
}
