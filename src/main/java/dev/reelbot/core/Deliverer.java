package dev.reelbot.core;

import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.text.HumanFormat;
import dev.reelbot.core.text.PlainText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a finished video to the chat: downloads it (under the channel's upload limit) and uploads it beside the
 * message, or, when it is too large, links to it. A failed attempt is retried with backoff; when every attempt
 * failed, the delivery fails visibly and the admins are told. Never silent.
 *
 * <p>The download runs on the downloads' own pool ({@link Downloads}), never on the worker stepping the job: a step
 * starts it and returns, the job is woken when it is done, and that step uploads. Threading: {@link Tracked#download}
 * is touched only by the worker stepping the job; the download thread only completes its future.
 */
final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    /** How soon a job whose download is running looks again, should its wake-up be lost. */
    private static final Duration CHECK_BACK = Duration.ofMinutes(1);
    private final Downloads downloads;
    private final JobUpdates updates;
    private final EngineSettings settings;
    private final Clock clock;

    Deliverer(Downloads downloads, JobUpdates updates, EngineSettings settings, Clock clock) {
        this.downloads = downloads;
        this.updates = updates;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the job's delivery is due: its running download finished, or its next attempt's time has come. */
    boolean due(Tracked tracked) {
        return tracked.download != null ? tracked.download.result().isDone()
                : !tracked.deliveryAt.isAfter(clock.instant());
    }

    Job deliver(Job job, Tracked tracked, ChatPort chat) {
        if (tracked.download == null) {
            tracked.download = downloads.start(job, chat);
        }
        Downloads.Fetch fetch = tracked.download;
        if (!fetch.result().isDone()) {
            tracked.deliveryAt = clock.instant().plus(CHECK_BACK);
            return job;
        }
        tracked.download = null;
        VideoDownload download;
        try {
            download = fetch.result().join();
        } catch (CompletionException e) {
            return fetchFailed(job, tracked, e.getCause());
        }
        long limit = fetch.limit();
        if (download instanceof VideoDownload.TooLarge tooLarge) {
            return tooLarge(job, tooLarge, limit);
        }
        VideoDownload.Saved saved = (VideoDownload.Saved) download;
        // An earlier attempt (here, or recorded before a restart) may have uploaded it with its answer lost.
        PostKey key = new PostKey("video-" + job.id(), tracked.uploadMaybeSent || job.delivery().attempts() > 0);
        tracked.uploadMaybeSent = true;
        try {
            String note = chat.upload(job.message().ref(), new VideoFile(saved.file(), saved.bytes(),
                    "reelbot-" + job.id() + ".mp4", PlainText.oneLine(job.request().prompt(), 200)), key);
            Job next = updates.apply(job, j -> Transitions.delivered(j, DeliveryState.UPLOADED, note,
                    clock.instant()));
            JobUpdates.event(next, "video uploaded ({})", HumanFormat.bytes(saved.bytes()));
            return next;
        } catch (ChatException e) {
            return uploadFailed(job, tracked, e, saved, limit);
        } finally {
            deleteQuietly(saved.file());
        }
    }

    /** A download that ended in an exception: said in plain words to the requester, with the detail in the log. */
    private Job fetchFailed(Job job, Tracked tracked, Throwable failure) {
        if (failure instanceof RejectedExecutionException) {
            tracked.deliveryAt = clock.instant().plus(Duration.ofSeconds(30));
            return job;
        }
        if (failure instanceof VideoApiException.Rejected rejected && rejected.unsafeAddress()) {
            JobUpdates.warn(job, "refused to fetch the video: {}", failure.getMessage());
            Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, new Failure("the video API "
                    + "pointed the bot to an address it may not fetch from", "undelivered", failure.getMessage()), 1,
                    clock.instant()));
            JobUpdates.error(next, "video not delivered: its download led to a private or internal address");
            return next;
        }
        if (!(failure instanceof VideoApiException)) {
            log.error("job={} download failed unexpectedly", job.id(), failure);
        }
        return attemptFailed(job, tracked, Downloads.problem(failure), failure.getMessage());
    }

    /** The requester can be reached nowhere: the video cannot be handed over, and the admins must hear of it. */
    Job nobodyToDeliverTo(Job job) {
        Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, new Failure(
                "the requester could not be reached to receive it", "undelivered"), 1, clock.instant()));
        JobUpdates.error(next, "video ready but the requester cannot be reached anywhere");
        return next;
    }

    private Job tooLarge(Job job, VideoDownload.TooLarge tooLarge, long limit) {
        String limitText = HumanFormat.bytes(limit);
        String size = tooLarge.bytes() > 0 ? HumanFormat.bytes(tooLarge.bytes()) : "over " + limitText;
        if (tooLarge.link() == null) {
            Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, new Failure("it is " + size
                    + ", over the " + limitText + " upload limit here, and there is no public link to share",
                    "undelivered"), 1, clock.instant()));
            JobUpdates.error(next, "video too large to upload ({}) and no public link", size);
            return next;
        }
        String note = "the video is " + size + ", over the " + limitText + " upload limit here";
        Job next = updates.apply(job, j -> Transitions.delivered(j, DeliveryState.LINKED, note, clock.instant()));
        JobUpdates.event(next, "video linked: {}", note);
        return next;
    }

    private Job uploadFailed(Job job, Tracked tracked, ChatException e, VideoDownload.Saved saved, long limit) {
        if (e.kind() != ChatException.Kind.TRANSIENT) {
            tracked.uploadMaybeSent = false;
        }
        switch (e.kind()) {
            case RATE_LIMITED -> {
                tracked.deliveryAt = clock.instant().plus(e.retryAfter().orElse(Duration.ofSeconds(5)));
                return job;
            }
            case MESSAGE_GONE -> {
                return updates.apply(job, j -> Transitions.messageGone(j, clock.instant()));
            }
            case REFUSED -> {
                if (saved.link() != null) {
                    return tooLarge(job, new VideoDownload.TooLarge(saved.bytes(), limit, saved.link()), limit);
                }
                return attemptFailed(job, tracked, "the upload was refused: " + e.inWords(), e.getMessage());
            }
            default -> {
                return attemptFailed(job, tracked, "the upload failed: " + e.inWords(), e.getMessage());
            }
        }
    }

    /** @param why plain words for the requester; {@code detail} the technical cause, for the log and admins */
    private Job attemptFailed(Job job, Tracked tracked, String why, String detail) {
        Instant now = clock.instant();
        Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, new Failure(why, "undelivered",
                detail), settings.deliveryAttempts(), now));
        tracked.deliveryAt = now.plus(Duration.ofSeconds(Math.min(120, 5L << Math.min(next.delivery().attempts(),
                5))));
        if (next.delivery().state() == DeliveryState.FAILED) {
            JobUpdates.error(next, "delivery failed after {} attempts: {} ({})", next.delivery().attempts(), why,
                    detail);
        } else {
            JobUpdates.warn(next, "delivery attempt {} failed: {} ({})", next.delivery().attempts(), why, detail);
        }
        return next;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
