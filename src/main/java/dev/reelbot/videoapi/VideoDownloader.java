package dev.reelbot.videoapi;

import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.deliver.DownloadSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a finished video to a file under a size cap, never holding it in memory. The result URL the API gave is
 * tried first; when it fails (expired, unreachable, refused) the task's {@code /content} route is the fallback.
 *
 * <p>Nothing here can be made to reach an internal address: every redirect is followed by hand and checked by the
 * {@link OutboundPolicy} ({@link CheckedRedirects}); only the API's own origin is trusted, and only it gets the key.
 * A download has a total deadline and a minimum rate ({@link DownloadSettings}), so a slow or stalling host cannot
 * hold a download thread for long.
 */
final class VideoDownloader {
    private static final Logger log = LoggerFactory.getLogger(VideoDownloader.class);
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_REDIRECTS = 5;
    /** The span the minimum rate is judged over: long enough to forgive a stall, short enough to stop a drip. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    private final GetCaller caller;
    private final OkHttpClient trustedClient;
    private final OkHttpClient policedClient;
    private final CheckedRedirects redirects;
    private final ApiEndpoint endpoint;
    private final DownloadSettings limits;
    private final Duration rateWindow;

    VideoDownloader(GetCaller caller, OkHttpClient base, OutboundPolicy policy, ApiEndpoint endpoint,
                    DownloadSettings limits, Duration rateWindow) {
        this.caller = caller;
        this.redirects = new CheckedRedirects(policy, endpoint::isOwnHost, false, MAX_REDIRECTS);
        this.trustedClient = base.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.policedClient = redirects.policed(base);
        this.endpoint = endpoint;
        this.limits = limits;
        this.rateWindow = rateWindow;
    }

    VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) throws VideoApiException {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        HttpUrl resultUrl = videoUrl == null ? null : HttpUrl.parse(videoUrl);
        String link = resultUrl == null ? null : videoUrl;
        if (resultUrl != null) {
            try {
                return fetch(resultUrl, maxBytes, target, deadline, link);
            } catch (VideoApiException.Rejected e) {
                if (e.unsafeAddress()) {
                    log.warn("task {}: refused its result link {}: {}; it is never shown as the video", taskId,
                            resultUrl.redact(), e.getMessage());
                    link = null;
                } else {
                    log.warn("task {}: result URL failed ({}); trying the content route", taskId, e.getMessage());
                }
            } catch (VideoApiException e) {
                log.warn("task {}: result URL failed ({}); trying the content route", taskId, e.getMessage());
            }
        }
        return fetch(endpoint.content(taskId), maxBytes, target, deadline, link);
    }

    private VideoDownload fetch(HttpUrl url, long maxBytes, Path target, long deadline, String link)
            throws VideoApiException {
        VideoDownload result;
        try (Response response = redirects.open(url, (hop, trusted) -> send(hop, trusted, deadline))) {
            result = save(response.body(), maxBytes, target, link);
        } catch (IOException e) {
            throw pastDeadline(classify(e), deadline);
        } catch (VideoApiException e) {
            throw pastDeadline(e, deadline);
        }
        if (result instanceof VideoDownload.Saved saved) {
            checkIsVideo(saved);
        }
        return result;
    }

    private Response send(HttpUrl url, boolean trusted, long deadline) throws VideoApiException {
        Request.Builder request = new Request.Builder().url(url).get();
        if (trusted) {
            endpoint.authorize(request);
        }
        OkHttpClient client = trusted ? trustedClient : policedClient;
        return caller.execute(r -> withDeadline(client.newCall(r), deadline), request.build(),
                Failures.Route.DOWNLOAD);
    }

    /** Every call of one download shares its deadline (OkHttp's call timeout spans the body too). */
    private static Call withDeadline(Call call, long deadline) {
        call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return call;
    }

    private static VideoApiException classify(IOException e) {
        if (e instanceof RateFloor.SlowTransfer) {
            return new VideoApiException.Transient(e.getMessage(), 0, "slow_download", null, e);
        }
        if (e instanceof CheckedRedirects.BadRedirect) {
            return new VideoApiException.Transient("the video download " + e.getMessage(), 0, "bad_redirect", null,
                    e);
        }
        return Failures.fromIOException(Failures.Route.DOWNLOAD, e, true);
    }

    private VideoApiException pastDeadline(VideoApiException failure, long deadline) {
        if (failure instanceof VideoApiException.Transient && System.nanoTime() - deadline >= 0) {
            return new VideoApiException.Transient("the download took longer than delivery.download-timeout ("
                    + limits.timeout().toSeconds() + " s)", 0, "download_timeout", null, failure);
        }
        return failure;
    }

    /** A 200 answer that is an error page, not a video, must never reach a chat as "the video". */
    private static void checkIsVideo(VideoDownload.Saved saved) throws VideoApiException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(saved.file())) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw Failures.fromIOException(Failures.Route.DOWNLOAD, e, true);
        }
        if (!VideoBytes.looksLikeVideo(head, read)) {
            try {
                Files.deleteIfExists(saved.file());
            } catch (IOException e) {
                log.warn("could not delete {}: {}", saved.file(), e.toString());
            }
            throw new VideoApiException.Transient("the video API answered with something that is not a video ("
                    + saved.bytes() + " bytes)", 200, "not_a_video", null, null);
        }
    }

    private VideoDownload save(ResponseBody body, long maxBytes, Path target, String link) throws IOException {
        long declared = body.contentLength();
        if (declared > maxBytes) {
            return new VideoDownload.TooLarge(declared, maxBytes, link);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long total = copyCapped(body, partial, maxBytes);
        if (total > maxBytes) {
            Files.deleteIfExists(partial);
            return new VideoDownload.TooLarge(declared, maxBytes, link);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new VideoDownload.Saved(target, total, link);
    }

    private int read(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (InterruptedIOException e) {
            throw new RateFloor.SlowTransfer("no data arrived for " + rateWindow.toMillis() / 1000.0 + " s");
        }
    }

    /**
     * Copies the body into {@code file}, stopping as soon as it exceeds the cap or falls under the minimum rate (a
     * read blocking for a whole rate window times out); returns the bytes read.
     */
    private long copyCapped(ResponseBody body, Path file, long maxBytes) throws IOException {
        RateFloor floor = new RateFloor(limits.minBytesPerSecond(), rateWindow, System::nanoTime);
        body.source().timeout().timeout(rateWindow.toNanos(), TimeUnit.NANOSECONDS);
        long total = 0;
        try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = read(in, buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    return total;
                }
                out.write(buffer, 0, n);
                floor.received(n);
            }
            return total;
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
