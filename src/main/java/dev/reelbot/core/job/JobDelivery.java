package dev.reelbot.core.job;

import dev.reelbot.core.MessageRef;
import dev.reelbot.core.VideoLink;

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
 */
public record JobDelivery(DeliveryState state, int attempts, String note, VideoLink link, String poster, String kept,
                          NoticeState notice, MessageRef noticeRef) {
    public static final JobDelivery NONE = new JobDelivery(DeliveryState.NONE, 0, null, null, null, null,
            NoticeState.NONE, null);

    public JobDelivery {
        if (notice == null) {
            notice = NoticeState.NONE;
        }
    }

    /** Pending, with {@code attempts} made and the last one's note. */
    static JobDelivery pending(int attempts, String note) {
        return new JobDelivery(DeliveryState.PENDING, attempts, note, null, null, null, NoticeState.NONE, null);
    }

    JobDelivery withNotice(NoticeState newNotice, MessageRef newRef) {
        return new JobDelivery(state, attempts, note, link, poster, kept, newNotice, newRef);
    }
}
