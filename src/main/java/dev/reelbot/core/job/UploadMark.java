package dev.reelbot.core.job;

import java.time.Instant;

/**
 * The durable mark written before a job's video first goes up to the chat, as {@code SENDING} is before its create
 * request: whoever steps the job next (this process after a restart, another instance after a takeover) knows the
 * upload may have landed and looks for it before uploading. A transition like those of {@link Transitions}, kept
 * apart only for that file's size.
 */
public final class UploadMark {
    private UploadMark() {
    }

    /** The first upload is about to go out; applied with a compare-and-set before it does. */
    public static Job starting(Job job, Instant now) {
        Transitions.require(job, job.delivery().state() == DeliveryState.PENDING
                && job.delivery().uploadStartedAt() == null, "marked uploading");
        return job.withDelivery(job.delivery().uploadStarting(now)).withTimes(Transitions.touched(job, now));
    }
}
