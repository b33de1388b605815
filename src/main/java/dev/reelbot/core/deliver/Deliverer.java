package dev.reelbot.core.deliver;

import dev.reelbot.core.Backoff;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.text.HumanFormat;
import dev.reelbot.core.text.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a finished video to the chat: downloads it, keeps it and fits it under the channel's upload limit when it
 * is over ({@link MediaWork}), then uploads it (fitted, with a link to the original when there is one), or links to
 * it. A failed attempt is retried with backoff, and a transcode that fails or a file the chat refuses falls back to
 * the link. A generated video is never reported as a failure: when the chat takes neither the file nor a link, it
 * is kept and the admins get a delivery notice saying where ({@link Transitions#undelivered}).
 *
 * <p>The download and the media stage run on pools of their own, never on the worker stepping the job: a step starts
 * one and returns, the job is woken when it is done, and the next step goes on. Threading: a job's
 * {@link DeliveryAttempts} are touched only by the worker stepping it; the pools' threads only complete their
 * futures.
 */
public final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    /** How soon a job whose download or media stage is running looks again, should its wake-up be lost. */
    private static final Duration CHECK_BACK = Duration.ofMinutes(1);
    /** The wait before the next attempt, after {@code n} failed ones: 5 s × 2^n, at most 2 minutes. */
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2));
    private final Downloads downloads;
    private final MediaWork media;
    private final JobUpdates updates;
    private final int attempts;
    private final Clock clock;

    /**
     * @param downloadPool     where videos are downloaded, and kept in the media store: {@code downloads.workers()}
     *                         threads of their own, apart from the workers stepping jobs
     * @param transcodePool    where videos are fitted under a channel's limit: {@code media.transcodeWorkers()}
     *                         threads of their own, apart from every other pool
     * @param downloads        the downloads' pool size, deadline and minimum rate
     * @param media            whether videos are fitted, and how long the bot's own links work
     * @param tools            the media store, the transcoder and the bot's own links, each when there is one
     * @param wake             asks for a step of a job (the poller's wake-up), called when its work is done
     * @param videoDir         where videos are downloaded to (and fitted copies and poster frames made)
     * @param maxDownloadBytes the largest video downloaded at all, whatever a channel's upload limit
     * @param attempts         fetch-and-upload attempts before the video is linked, or kept for the admins
     */
    public Deliverer(VideoApi api, Executor downloadPool, Executor transcodePool, DownloadSettings downloads,
                     MediaSettings media, MediaParts tools, Consumer<String> wake, Path videoDir,
                     long maxDownloadBytes, int attempts, JobUpdates updates, EngineMetrics metrics, Clock clock) {
        Offload downloading = new Offload(downloadPool, downloads.workers(), wake);
        this.downloads = new Downloads(api, downloading, videoDir, maxDownloadBytes);
        this.media = new MediaWork(tools, media, downloading, new Offload(transcodePool, media.transcodeWorkers(),
                wake), videoDir, metrics);
        this.updates = updates;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Whether the job's delivery is due: its running work finished, or its next attempt's time has come. */
    public boolean due(DeliveryAttempts tracked) {
        if (tracked.download != null) {
            return tracked.download.result().isDone();
        }
        return tracked.media != null ? tracked.media.isDone() : !tracked.at.isAfter(clock.instant());
    }

    /**
     * One delivery attempt: starts the download, the media stage on it once it is in, and, once that is done,
     * uploads (or links) the video, or keeps it for the admins.
     */
    public Job deliver(Job job, DeliveryAttempts tracked, ChatPort chat) {
        // A hand-over may start a fit; an inline pool (tests) has it done at once, so it is picked up in this step.
        for (int pass = 0; pass < 3; pass++) {
            if (tracked.prepared == null && tracked.media == null) {
                job = fetch(job, tracked, chat);
                if (tracked.media == null) {
                    return job;
                }
            }
            if (tracked.media != null) {
                if (!tracked.media.isDone()) {
                    tracked.at = clock.instant().plus(CHECK_BACK);
                    return job;
                }
                CompletableFuture<MediaWork.Prepared> done = tracked.media;
                tracked.media = null;
                try {
                    tracked.prepared = done.join();
                } catch (CompletionException e) {
                    return stageFailed(job, tracked, e.getCause());
                }
            }
            job = new Handover(this, job, tracked, chat, tracked.prepared).run();
            if (job.delivery().state().isDone()) {
                MediaWork.release(tracked.prepared);
                tracked.prepared = null;
                return job;
            }
            if (tracked.media == null) {
                return job;
            }
        }
        return job;
    }

    /** Starts or picks up the download; once the video is in, starts the media stage on it. */
    private Job fetch(Job job, DeliveryAttempts tracked, ChatPort chat) {
        if (tracked.download == null) {
            tracked.download = downloads.start(job);
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
        if (download instanceof VideoDownload.TooLarge tooLarge) {
            Texts t = job.requester().texts();
            String cap = HumanFormat.bytes(tooLarge.cap());
            VideoLink link = tooLarge.link() == null ? null : new VideoLink(tooLarge.link(), job.task().expiresAt());
            return giveUp(job, tooLarge.bytes() > 0 ? t.get("delivery.too-large", HumanFormat.bytes(tooLarge.bytes()),
                    cap) : t.get("delivery.too-large.unknown", cap), link, null, null);
        }
        VideoDownload.Saved saved = (VideoDownload.Saved) download;
        long limit = job.unreachable() ? 0 : chat.uploadLimit(job.message().ref());
        tracked.media = media.start(job, MediaWork.Prepared.downloaded(saved.file(), saved.bytes(), saved.link()),
                limit > 0 && saved.bytes() > limit ? limit : 0);
        return job;
    }

    /** A download that ended in an exception: said in plain words to the requester, with the detail in the log. */
    private Job fetchFailed(Job job, DeliveryAttempts tracked, Throwable failure) {
        if (failure instanceof RejectedExecutionException) {
            tracked.at = clock.instant().plus(Duration.ofSeconds(30));
            return job;
        }
        if (failure instanceof VideoApiException.Rejected rejected && rejected.unsafeAddress()) {
            JobUpdates.warn(job, "refused to fetch the video: {}", failure.getMessage());
            return giveUp(job, job.requester().texts().get("delivery.unsafe-address"), failure.getMessage(), null,
                    null, null);
        }
        if (!(failure instanceof VideoApiException)) {
            log.error("job={} download failed unexpectedly", job.id(), failure);
        }
        return attemptFailed(job, tracked, job.requester().texts().get(Downloads.problem(failure)),
                failure.getMessage());
    }

    /** The media stage itself broke (a bug, or its pool stopping): the delivery is tried again later. */
    private Job stageFailed(Job job, DeliveryAttempts tracked, Throwable failure) {
        if (failure instanceof RejectedExecutionException) {
            tracked.at = clock.instant().plus(Duration.ofSeconds(30));
            return job;
        }
        log.error("job={} the media stage failed unexpectedly", job.id(), failure);
        return attemptFailed(job, tracked, job.requester().texts().get("delivery.not-prepared"),
                failure.toString());
    }

    /**
     * One attempt failed: tried again with backoff; after {@code delivery.attempts} the video is linked if a link
     * can be given, else kept for the admins to hand over.
     *
     * @param why plain words for the requester; {@code detail} the technical cause, for the log
     */
    Job attemptFailed(Job job, DeliveryAttempts tracked, String why, String detail) {
        Instant now = clock.instant();
        if (job.delivery().attempts() + 1 >= attempts) {
            JobUpdates.warn(job, "delivery attempt {} failed, the last: {} ({})", job.delivery().attempts() + 1, why,
                    detail);
            MediaWork.Prepared p = tracked.prepared;
            return giveUp(job, why, detail, p == null ? null : linkTo(job, p, now), p == null ? null
                    : posterOf(job, p, now), p == null ? null : p.kept());
        }
        Job next = updates.apply(job, j -> Transitions.deliveryAttemptFailed(j, why, now));
        tracked.at = now.plus(RETRIES.after(next.delivery().attempts()));
        JobUpdates.warn(next, "delivery attempt {} failed: {} ({})", next.delivery().attempts(), why, detail);
        return next;
    }

    /** No upload: the link when there is one, else the video is kept and the admins are told where. */
    Job giveUp(Job job, String why, VideoLink link, String poster, String kept) {
        return giveUp(job, why, null, link, poster, kept);
    }

    /** @param detail the technical cause, kept for admins with an undelivered video, or {@code null} */
    Job giveUp(Job job, String why, String detail, VideoLink link, String poster, String kept) {
        if (link != null) {
            Job next = updates.apply(job, j -> Transitions.delivered(j, DeliveryState.LINKED, why, link, poster, kept,
                    clock.instant()));
            JobUpdates.event(next, "video linked: {}", why);
            return next;
        }
        Job next = updates.apply(job, j -> Transitions.undelivered(j, new Failure(why, "undelivered", detail), null,
                kept, clock.instant()));
        JobUpdates.error(next, "video made but not delivered ({}); kept at {}", why, kept == null ? "the video API"
                : kept);
        return next;
    }

    /** The link the message gives: the bot's own to its kept copy, else the API's, else {@code null}. */
    VideoLink linkTo(Job job, MediaWork.Prepared prepared, Instant now) {
        if (prepared.kept() != null && media.servesLinks()) {
            Instant expires = now.plus(media.linkLifetime());
            return new VideoLink(media.links().video(job.id(), expires), expires);
        }
        return prepared.apiLink() == null ? null : new VideoLink(prepared.apiLink(), job.task().expiresAt());
    }

    /** The link to the poster frame, when the bot keeps one and serves links. */
    String posterOf(Job job, MediaWork.Prepared prepared, Instant now) {
        return prepared.poster() && media.servesLinks() ? media.links().poster(job.id(),
                now.plus(media.linkLifetime())) : null;
    }

    MediaWork media() {
        return media;
    }

    JobUpdates updates() {
        return updates;
    }

    Clock clock() {
        return clock;
    }
}
