package dev.reelbot.core.deliver;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.job.UploadMark;
import dev.reelbot.core.text.HumanFormat;
import dev.reelbot.core.text.Texts;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.PlainText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One step's hand-over of a prepared video to the chat: the file that fits the channel's upload limit is uploaded
 * (the original, or the copy fitted under it, with the link to the original); a video over the limit with nothing
 * fitted is fitted first when it can be, else linked; a file the chat refuses as too large is fitted smaller once
 * (Discord's limit is sometimes lower than it says), then linked. Without any link, the video is kept and the admins
 * get a delivery notice.
 */
final class Handover {
    private final Deliverer deliverer;
    /** The job as this hand-over last wrote or read it. */
    private Job job;
    private final DeliveryAttempts tracked;
    private final ChatPort chat;
    private final MediaWork.Prepared prepared;
    private final Instant now;
    private final VideoLink link;
    private final String poster;

    Handover(Deliverer deliverer, Job job, DeliveryAttempts tracked, ChatPort chat, MediaWork.Prepared prepared) {
        this.deliverer = deliverer;
        this.job = job;
        this.tracked = tracked;
        this.chat = chat;
        this.prepared = prepared;
        this.now = deliverer.clock().instant();
        this.link = deliverer.linkTo(job, prepared, now);
        this.poster = deliverer.posterOf(job, prepared, now);
    }

    Job run() {
        if (job.unreachable()) {
            Job next = deliverer.updates().apply(job, j -> Transitions.undelivered(j, new Failure(
                    Msg.of("failure.unreachable-anywhere"), "unreachable", null), link, prepared.kept(), now));
            JobUpdates.error(next, "video ready but the requester cannot be reached anywhere; kept at {}",
                    prepared.kept());
            return next;
        }
        long limit = chat.uploadLimit(job.message().ref());
        if (prepared.fitted() != null && prepared.fittedBytes() <= limit) {
            return upload(prepared.fitted(), prepared.fittedBytes(), true);
        }
        if (prepared.bytes() <= limit) {
            return upload(prepared.original(), prepared.bytes(), false);
        }
        boolean neverFitted = prepared.fittedUnder() == 0;
        if (deliverer.media().canFit() && (neverFitted || prepared.fittedUnder() > limit && !tracked.refitted)) {
            tracked.refitted |= !neverFitted;
            return fitUnder(limit);
        }
        return deliverer.giveUp(job, overLimit(limit), link, poster, prepared.kept());
    }

    private Job upload(Path file, long bytes, boolean fitted) {
        // An earlier attempt (here, or before a restart or a takeover) may have uploaded it: its answer was lost, or
        // it went up and its record failed.
        boolean earlier = tracked.uploadMaybeSent || job.delivery().attempts() > 0
                || job.delivery().uploadStartedAt() != null;
        if (job.delivery().uploadStartedAt() == null) {
            // Marked before the first upload goes out, so that whoever steps the job next knows it may be up.
            job = deliverer.updates().apply(job, j -> UploadMark.starting(j, now));
            if (job.delivery().state() != DeliveryState.PENDING || job.delivery().uploadStartedAt() == null) {
                return job;
            }
        }
        PostKey key = new PostKey("video-" + job.id(), earlier);
        tracked.uploadMaybeSent = true;
        try {
            Msg note = chat.upload(job.message().ref(), new VideoFile(file, bytes, "reelbot-" + job.id() + ".mp4",
                    PlainText.oneLine(job.request().prompt(), 200)), key);
            String original = HumanFormat.bytes(prepared.bytes());
            String full = fitted ? texts().get("upload.compressed", note, original) : texts().get(note);
            Job next = deliverer.updates().apply(job, j -> Transitions.delivered(j, fitted ? DeliveryState.TRANSCODED
                    : DeliveryState.UPLOADED, full, link, poster, prepared.kept(), now));
            JobUpdates.event(next, "video uploaded ({}{})", HumanFormat.bytes(bytes), fitted ? ", compressed from "
                    + original : "");
            return next;
        } catch (ChatException e) {
            return uploadFailed(e, bytes, earlier);
        }
    }

    /**
     * @param earlier whether an attempt before this one may have uploaded the video: a definite refusal (a 429, a
     *                413) says only that this attempt did not, so the next one still uploads under "maybe sent"
     */
    private Job uploadFailed(ChatException e, long sent, boolean earlier) {
        if (e.kind() != ChatException.Kind.TRANSIENT) {
            tracked.uploadMaybeSent = earlier;
        }
        switch (e.kind()) {
            case RATE_LIMITED -> {
                tracked.at = now.plus(e.retryAfter().orElse(Duration.ofSeconds(5)));
                return job;
            }
            case MESSAGE_GONE -> {
                return deliverer.updates().apply(job, j -> Transitions.messageGone(j, now));
            }
            case TOO_LARGE -> {
                if (deliverer.media().canFit() && !tracked.refitted) {
                    // The chat's real limit is below what it said (Discord's 413): fit the file smaller, once.
                    tracked.refitted = true;
                    JobUpdates.warn(job, "the chat refused {} as too large ({}); fitting it smaller",
                            HumanFormat.bytes(sent), e.getMessage());
                    return fitUnder(Math.min(chat.uploadLimit(job.message().ref()), sent * 3 / 4));
                }
                return deliverer.giveUp(job, texts().get("delivery.chat-too-large", HumanFormat.bytes(sent)), link,
                        poster, prepared.kept());
            }
            case REFUSED -> {
                if (link != null) {
                    return deliverer.giveUp(job, texts().get("delivery.upload-refused", e.inWords()), link, poster,
                            prepared.kept());
                }
                return deliverer.attemptFailed(job, tracked, texts().get("delivery.upload-refused", e.inWords()),
                        e.getMessage());
            }
            default -> {
                return deliverer.attemptFailed(job, tracked, texts().get("delivery.upload-failed", e.inWords()),
                        e.getMessage());
            }
        }
    }

    /** Starts fitting the original under {@code limit}; the job is woken when that is done. */
    private Job fitUnder(long limit) {
        tracked.media = deliverer.media().start(job, prepared, limit);
        return job;
    }

    /** Why the video was not uploaded here, in the requester's words. */
    private String overLimit(long limit) {
        String size = HumanFormat.bytes(prepared.bytes());
        return prepared.fitProblem() == null ? texts().get("delivery.over-limit", size, HumanFormat.bytes(limit))
                : texts().get("delivery.over-limit.unfitted", size, HumanFormat.bytes(limit), prepared.fitProblem());
    }

    /** The requester's language: the notes a delivery leaves are shown on their message. */
    private Texts texts() {
        return job.requester().texts();
    }
}
