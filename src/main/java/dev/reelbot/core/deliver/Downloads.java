package dev.reelbot.core.deliver;

import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.job.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the download of a finished video on the downloads' own pool ({@link Offload}), in the lane of the host it
 * comes from, up to {@code video-api.max-download-size} (the bot keeps every video, and fits one that is over a
 * channel's limit), and says in plain words why one failed. The media stage picks the file up when the job is woken.
 */
final class Downloads {
    /** The lane of downloads without a result link: the API's own {@code /content} route. */
    private static final String CONTENT_ROUTE = "content route";

    private final VideoApi api;
    private final Offload pool;
    private final Path videoDir;
    private final long maxDownloadBytes;

    Downloads(VideoApi api, Offload pool, Path videoDir, long maxDownloadBytes) {
        this.api = api;
        this.pool = pool;
        this.videoDir = videoDir;
        this.maxDownloadBytes = maxDownloadBytes;
        try {
            Files.createDirectories(videoDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the video directory " + videoDir, e);
        }
    }

    /** A download started for a job. */
    record Fetch(CompletableFuture<VideoDownload> result) {
    }

    /** Starts downloading the job's video; the job is woken when it is done. */
    Fetch start(Job job) {
        Path file = videoDir.resolve(job.id() + ".mp4");
        String taskId = job.task().taskId();
        String videoUrl = job.task().videoUrl();
        return new Fetch(pool.run(job.id(), lane(videoUrl), () -> api.download(taskId, videoUrl, maxDownloadBytes,
                file)));
    }

    /**
     * The lane of a download: the origin of its result link, or the API's {@code /content} route when it has none,
     * so a slow result host holds at most its own lane's share of the download threads.
     */
    static String lane(String videoUrl) {
        try {
            URI uri = videoUrl == null ? null : new URI(videoUrl);
            if (uri != null && uri.getScheme() != null && uri.getHost() != null) {
                return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException notAUrl) {
            return CONTENT_ROUTE;
        }
        return CONTENT_ROUTE;
    }

    /** The key of why a download failed, in words for the requester: no exception text, no host. */
    static String problem(Throwable failure) {
        if (failure instanceof VideoApiException.Transient t && t.code().equals("not_a_video")) {
            return "delivery.not-a-video";
        }
        if (failure instanceof VideoApiException.Transient t && t.code().equals("slow_download")) {
            return "delivery.too-slow";
        }
        if (failure instanceof VideoApiException.Transient t && t.code().equals("download_timeout")) {
            return "delivery.too-long";
        }
        return failure instanceof VideoApiException.Rejected ? "delivery.api-refused" : "delivery.not-fetched";
    }
}
