package dev.reelbot.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a finished video to the chat: downloads it (under the channel's upload limit) and uploads it beside the
 * message, or, when it is too large, links to it. A failed attempt is retried with backoff; when every attempt
 * failed, the delivery fails visibly and the admins are told. Never silent.
 */
final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    private final VideoApi api;
    private final JobUpdates updates;
    private final EngineSettings settings;
    private final long maxDownloadBytes;
    private final Clock clock;

    Deliverer(VideoApi api, JobUpdates updates, EngineSettings settings, long maxDownloadBytes, Clock clock) {
        this.api = api;
        this.updates = updates;
        this.settings = settings;
        this.maxDownloadBytes = maxDownloadBytes;
        this.clock = clock;
        try {
            Files.createDirectories(settings.videoDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the video directory " + settings.videoDir(), e);
        }
    }

    Job deliver(Job job, Tracked tracked, ChatPort chat) {
        MessageRef ref = job.message().ref();
        long limit = Math.min(chat.uploadLimit(ref), maxDownloadBytes);
        Path file = settings.videoDir().resolve(job.id() + ".mp4");
        VideoDownload download;
        try {
            download = api.download(job.task().taskId(), job.task().videoUrl(), limit, file);
        } catch (VideoApiException e) {
            return attemptFailed(job, tracked, "the video could not be fetched from the video API", e.getMessage());
        }
        if (download instanceof VideoDownload.TooLarge tooLarge) {
            return tooLarge(job, tooLarge, limit);
        }
        VideoDownload.Saved saved = (VideoDownload.Saved) download;
        // An earlier attempt (here, or recorded before a restart) may have uploaded it with its answer lost.
        PostKey key = new PostKey("video-" + job.id(), tracked.uploadMaybeSent || job.delivery().attempts() > 0);
        tracked.uploadMaybeSent = true;
        try {
            String note = chat.upload(ref, new VideoFile(saved.file(), saved.bytes(), "reelbot-" + job.id() + ".mp4",
                    PlainText.oneLine(job.request().prompt(), 200)), key);
            Job next = updates.apply(job, j -> Transitions.delivered(j, DeliveryState.UPLOADED, note,
                    clock.instant()));
            JobUpdates.event(next, "video uploaded ({})", human(saved.bytes()));
            return next;
        } catch (ChatException e) {
            return uploadFailed(job, tracked, e, saved.bytes(), limit);
        } finally {
            deleteQuietly(saved.file());
        }
    }

    /** The requester can be reached nowhere: the video cannot be handed over, and the admins must hear of it. */
    Job nobodyToDeliverTo(Job job) {
        Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, new Failure(
                "the requester could not be reached to receive it", "undelivered"), 1, clock.instant()));
        JobUpdates.error(next, "video ready but the requester cannot be reached anywhere");
        return next;
    }

    private Job tooLarge(Job job, VideoDownload.TooLarge tooLarge, long limit) {
        String size = tooLarge.bytes() > 0 ? human(tooLarge.bytes()) : "over " + human(limit);
        if (job.task().videoUrl() == null) {
            Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, new Failure("it is " + size
                    + ", over the " + human(limit) + " upload limit here, and the video API gave no public link",
                    "undelivered"), 1, clock.instant()));
            JobUpdates.error(next, "video too large to upload ({}) and no public link", size);
            return next;
        }
        String note = "the video is " + size + ", over the " + human(limit) + " upload limit here";
        Job next = updates.apply(job, j -> Transitions.delivered(j, DeliveryState.LINKED, note, clock.instant()));
        JobUpdates.event(next, "video linked: {}", note);
        return next;
    }

    private Job uploadFailed(Job job, Tracked tracked, ChatException e, long bytes, long limit) {
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
                if (job.task().videoUrl() != null) {
                    return tooLarge(job, new VideoDownload.TooLarge(bytes, limit), limit);
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

    /** "2.1 MB", "980 KB". */
    static String human(long bytes) {
        if (bytes >= 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        }
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
