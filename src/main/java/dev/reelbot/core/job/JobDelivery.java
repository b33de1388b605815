package dev.reelbot.core.job;

import dev.reelbot.core.MessageRef;
import dev.reelbot.core.VideoLink;
import java.time.Instant;

/**
 * What became of a completed job's video.
 *
 * @param state    pending, uploaded, transcoded, linked or undelivered
 * @param attempts fetch-and-upload attempts so far
 * @param note     how it went ("uploaded, 2.1 MB"), or why it could not be delivered
 * @param link     the link the message gives to the video (the original, when a compressed copy was uploaded), or
 *                 {@code null}
 * @param poster   a link to its poster frame, or {@code null}
 * @param kept     where the bot keeps the original (a path, a bucket address), or {@code null} when it does not
 * @param notice   the admins' delivery notice, for a video no chat took
 * @param noticeRef that notice's message, once posted
 * @param uploadStartedAt when its first upload began (marked before it went out, see {@link UploadMark}), or
 *                 {@code null} when none has; once set, an upload may have landed, whatever its answer said
 */
public record JobDelivery(DeliveryState state, int attempts, String note, VideoLink link, String poster, String kept,
                          NoticeState notice, MessageRef noticeRef, Instant uploadStartedAt) {
    public static final JobDelivery NONE = new JobDelivery(DeliveryState.NONE, 0, null, null, null, null,
            NoticeState.NONE, null, null);

    public JobDelivery {
        if (notice == null) {
            notice = NoticeState.NONE;
        }
    }

    /** Pending, nothing tried yet. */
    static JobDelivery pending() {
        return new JobDelivery(DeliveryState.PENDING, 0, null, null, null, null, NoticeState.NONE, null, null);
    }

    /** Still pending after one more failed attempt, {@code why}. */
    JobDelivery attemptFailed(String why) {
        return new JobDelivery(DeliveryState.PENDING, attempts + 1, why, null, null, null, NoticeState.NONE, null,
                uploadStartedAt);
    }

    /** Pending, its first upload about to go out. */
    JobDelivery uploadStarting(Instant at) {
        return new JobDelivery(state, attempts, note, link, poster, kept, notice, noticeRef, at);
    }

    /** Ended {@code how} with this attempt, as the arguments say. */
    JobDelivery ended(DeliveryState how, String newNote, VideoLink newLink, String newPoster, String newKept,
                      NoticeState newNotice) {
        return new JobDelivery(how, attempts + 1, newNote, newLink, newPoster, newKept, newNotice, null,
                uploadStartedAt);
    }

    JobDelivery withNotice(NoticeState newNotice, MessageRef newRef) {
        return new JobDelivery(state, attempts, note, link, poster, kept, newNotice, newRef, uploadStartedAt);
    }
}
