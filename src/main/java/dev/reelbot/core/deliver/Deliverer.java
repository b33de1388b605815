package dev.reelbot.core.deliver;

import dev.reelbot.core.Backoff;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoFile;
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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a finished video to the chat: downloads it (under the channel's upload limit) and uploads it beside the
 * message, or, when it is too large, links to it. A failed attempt is retried with backoff; when every attempt
 * failed, the delivery fails visibly and the admins are told. Never silent.
 *
 * <p>The download runs on the downloads' own pool ({@link Downloads}), never on the worker stepping the job: a step
 * starts it and returns, the job is woken when it is done, and that step uploads. Threading: a job's
 * {@link DeliveryAttempts} are touched only by the worker stepping it; the download thread only completes its future.
 */
public final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    /** How soon a job whose download is running looks again, should its wake-up be lost. */
    private static final Duration CHECK_BACK = Duration.ofMinutes(1);
    /** The wait before the next attempt, after {@code n} failed ones: 5 s × 2^n, at most 2 minutes. */
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2));
    private final Downloads downloads;
    private final JobUpdates updates;
    private final int attempts;
    private final Clock clock;

    /**
     * @param pool             where videos are downloaded: {@code settings.workers()} threads of their own, apart
     *                         from the workers stepping jobs
     * @param wake             asks for a step of a job (the poller's wake-up), called when its download is done
     * @param videoDir         where videos are downloaded to
     * @param maxDownloadBytes the largest video downloaded at all, whatever a channel's upload limit
     * @param attempts         fetch-and-upload attempts before a delivery fails
     */
    public Deliverer(VideoApi api, Executor pool, DownloadSettings settings, Consumer<String> wake, Path videoDir,
                     long maxDownloadBytes, int attempts, JobUpdates updates, Clock clock) {
        this.downloads = new Downloads(api, new Offload(pool, settings.workers(), wake), videoDir, maxDownloadBytes);
        this.updates = updates;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Whether the job's delivery is due: its running download finished, or its next attempt's time has come. */
    public boolean due(DeliveryAttempts tracked) {
        return tracked.download != null ? tracked.download.result().isDone() : !tracked.at.isAfter(clock.instant());
    }

    /** One delivery attempt: starts the download, or, once it is done, uploads (or links) the video. */
    public Job deliver(Job job, DeliveryAttempts tracked, ChatPort chat) {
        if (tracked.download == null) {
            tracked.download = downloads.start(job, chat);
        }
        Downloads.Fetch fetch = tracked.download;
        if (!fetch.result().isDone()) {
            tracked.at = clock.instant().plus(CHECK_BACK);
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
    private Job fetchFailed(Job job, DeliveryAttempts tracked, Throwable failure) {
        if (failure instanceof RejectedExecutionException) {
            tracked.at = clock.instant().plus(Duration.ofSeconds(30));
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
    public Job nobodyToDeliverTo(Job job) {
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

    private Job uploadFailed(Job job, DeliveryAttempts tracked, ChatException e, VideoDownload.Saved saved,
                             long limit) {
        if (e.kind() != ChatException.Kind.TRANSIENT) {
            tracked.uploadMaybeSent = false;
        }
        switch (e.kind()) {
            case RATE_LIMITED -> {
                tracked.at = clock.instant().plus(e.retryAfter().orElse(Duration.ofSeconds(5)));
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
    private Job attemptFailed(Job job, DeliveryAttempts tracked, String why, String detail) {
        Instant now = clock.instant();
        Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, new Failure(why, "undelivered",
                detail), attempts, now));
        tracked.at = now.plus(RETRIES.after(next.delivery().attempts()));
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
