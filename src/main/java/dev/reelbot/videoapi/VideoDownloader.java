package dev.reelbot.videoapi;

import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a finished video to a file under a size cap, never holding it in memory. The result URL the API gave is
 * tried first; when it fails (expired, unreachable) the task's {@code /content} route is the fallback. The API key
 * goes only to the API's own host: a result URL elsewhere is fetched without it, and only from public addresses.
 */
final class VideoDownloader {
    private static final Logger log = LoggerFactory.getLogger(VideoDownloader.class);
    private static final int BUFFER = 64 * 1024;

    private final GetCaller caller;
    private final OkHttpClient apiClient;
    private final OkHttpClient foreignClient;
    private final OutboundPolicy policy;
    private final ApiEndpoint endpoint;

    VideoDownloader(GetCaller caller, OkHttpClient apiClient, OutboundPolicy policy, ApiEndpoint endpoint) {
        this.caller = caller;
        this.apiClient = apiClient;
        this.foreignClient = apiClient.newBuilder().dns(policy).build();
        this.policy = policy;
        this.endpoint = endpoint;
    }

    VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) throws VideoApiException {
        HttpUrl resultUrl = videoUrl == null ? null : HttpUrl.parse(videoUrl);
        if (resultUrl != null) {
            try {
                return fetch(resultUrl, maxBytes, target);
            } catch (VideoApiException e) {
                log.warn("task {}: result URL failed ({}); trying the content route", taskId, e.getMessage());
            }
        }
        return fetch(endpoint.content(taskId), maxBytes, target);
    }

    private VideoDownload fetch(HttpUrl url, long maxBytes, Path target) throws VideoApiException {
        boolean ownHost = endpoint.isOwnHost(url);
        if (!ownHost) {
            String refusal = policy.literalRefusal(url);
            if (refusal != null) {
                throw new VideoApiException.Rejected("the result URL is not allowed: " + refusal, 0, "");
            }
        }
        Request.Builder request = new Request.Builder().url(url).get();
        if (ownHost) {
            endpoint.authorize(request);
        }
        OkHttpClient client = ownHost ? apiClient : foreignClient;
        VideoDownload result;
        try (Response response = caller.execute(client, request.build(), Failures.Route.DOWNLOAD)) {
            result = save(response.body(), maxBytes, target);
        } catch (IOException e) {
            throw Failures.fromIOException(Failures.Route.DOWNLOAD, e, true);
        }
        if (result instanceof VideoDownload.Saved saved) {
            checkIsVideo(saved);
        }
        return result;
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

    private static VideoDownload save(ResponseBody body, long maxBytes, Path target) throws IOException {
        long declared = body.contentLength();
        if (declared > maxBytes) {
            return new VideoDownload.TooLarge(declared, maxBytes);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long total = copyCapped(body, partial, maxBytes);
        if (total > maxBytes) {
            Files.deleteIfExists(partial);
            return new VideoDownload.TooLarge(declared, maxBytes);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new VideoDownload.Saved(target, total);
    }

    /** Copies the body into {@code file}, stopping as soon as it exceeds the cap; returns the bytes read. */
    private static long copyCapped(ResponseBody body, Path file, long maxBytes) throws IOException {
        long total = 0;
        try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
            return total;
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
