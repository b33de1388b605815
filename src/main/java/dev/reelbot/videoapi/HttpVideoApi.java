package dev.reelbot.videoapi;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.InlineImage;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Secret;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.deliver.DownloadSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The video API over HTTP (OkHttp + Jackson), for the three routes of video-api.md.
 *
 * <p>A create is sent at most once: its client never retries on connection failure or follows redirects, its body
 * is one-shot, and an event listener tells "never sent" (safe to report as not submitted) from "sent, no answer"
 * ({@link VideoApiException.OutcomeUnknown}). GETs are retried a little by {@link GetCaller}.
 *
 * <p>Threading: thread-safe; every call blocks its caller. The key is held by {@link ApiEndpoint} and never logged.
 */
public final class HttpVideoApi implements VideoApi {
    /**
     * Connections to the gateway kept open between calls. OkHttp's default keeps 5: with dozens of polls, creates and
     * downloads under way at once, every call past the fifth then closed its connection after use, and the next one
     * opened a new one (a TCP and, in production, a TLS handshake). Idle connections cost a socket each.
     */
    static final int IDLE_CONNECTIONS = 64;
    private final ApiEndpoint endpoint;
    private final ModelCatalog models;
    private final OkHttpClient createClient;
    private final OkHttpClient getClient;
    private final GetCaller getCaller;
    private final ImageFetcher images;
    private final VideoDownloader downloader;
    private final Clock clock;
    private final StatusWords statusWords;

    /**
     * The client as the bot runs it: real sleeps, the system clock, public-only outbound fetches; a download's own
     * deadline (in {@code settings.downloads()}) replaces the call timeout.
     */
    public static HttpVideoApi connect(VideoApiSettings settings) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.requestTimeout())
                .writeTimeout(settings.requestTimeout())
                .callTimeout(settings.requestTimeout())
                .build();
        GetRetryPolicy retry = new GetRetryPolicy(settings.getAttempts(), GetRetryPolicy.DEFAULT.baseDelay(),
                GetRetryPolicy.DEFAULT.maxDelay(), GetRetryPolicy.DEFAULT.maxRetryAfterWait());
        return new HttpVideoApi(http, settings.baseUrl(), settings.apiKey(), settings.models(), retry, Sleeper.REAL,
                Clock.systemUTC(), OutboundPolicy.publicOnly(), settings.downloads(), VideoDownloader.RATE_WINDOW,
                new StatusWords(settings.statusWords()));
    }

    /** For tests: the default download limits. */
    HttpVideoApi(OkHttpClient http, String baseUrl, Secret apiKey, ModelCatalog models, GetRetryPolicy retry,
                 Sleeper sleeper, Clock clock, OutboundPolicy outbound) {
        this(http, baseUrl, apiKey, models, retry, sleeper, clock, outbound, DownloadSettings.DEFAULTS,
                VideoDownloader.RATE_WINDOW);
    }

    /** @param rateWindow the span {@link DownloadSettings#minBytesPerSecond()} is judged over (shorter in tests) */
    HttpVideoApi(OkHttpClient http, String baseUrl, Secret apiKey, ModelCatalog models, GetRetryPolicy retry,
                 Sleeper sleeper, Clock clock, OutboundPolicy outbound, DownloadSettings downloads,
                 Duration rateWindow) {
        this(http, baseUrl, apiKey, models, retry, sleeper, clock, outbound, downloads, rateWindow,
                StatusWords.BUILT_IN);
    }

    private HttpVideoApi(OkHttpClient http, String baseUrl, Secret apiKey, ModelCatalog models, GetRetryPolicy retry,
                         Sleeper sleeper, Clock clock, OutboundPolicy outbound, DownloadSettings downloads,
                         Duration rateWindow, StatusWords statusWords) {
        this.statusWords = statusWords;
        this.endpoint = new ApiEndpoint(baseUrl, apiKey);
        this.models = models;
        this.clock = clock;
        this.createClient = http.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.getClient = http.newBuilder().followRedirects(false).build();
        this.getCaller = new GetCaller(retry, sleeper, clock, () -> ThreadLocalRandom.current().nextDouble());
        this.images = new ImageFetcher(http, outbound);
        this.downloader = new VideoDownloader(getCaller, http, outbound, endpoint, downloads, rateWindow);
    }

    @Override
    public TaskStatus create(VideoRequest request) throws VideoApiException {
        ModelSpec spec = models.specFor(request.model());
        ReferenceImage image = request.imageUrl() != null && spec.imageField() == ModelSpec.ImageField.INPUT_REFERENCE
                ? InlineImage.parse(request.imageUrl()).map(ReferenceImage::of).orElse(null)
                : null;
        if (image == null && request.imageUrl() != null && spec.imageField() == ModelSpec.ImageField.INPUT_REFERENCE) {
            image = images.fetch(request.imageUrl());
        }
        RequestBody body = CreateForm.build(request, spec, image);
        Request post = endpoint.authorize(new Request.Builder().url(endpoint.videos()).post(body)).build();
        Call call = createClient.newCall(post);
        SendTracker sent = new SendTracker();
        call.addEventListener(sent);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw Failures.fromResponse(Failures.Route.CREATE, response.code(),
                        ResponseText.readForError(response.body()), response.header("Retry-After"), clock);
            }
            return TaskJson.parse(ResponseText.read(response.body()), null, statusWords)
                    .orElseThrow(() -> Failures.unreadable(Failures.Route.CREATE, response.code()));
        } catch (IOException e) {
            throw Failures.fromIOException(Failures.Route.CREATE, e, sent.started);
        }
    }

    @Override
    public TaskStatus get(String taskId) throws VideoApiException {
        Request request = endpoint.authorize(new Request.Builder().url(endpoint.video(taskId)).get()).build();
        try (Response response = getCaller.execute(getClient, request, Failures.Route.GET)) {
            return TaskJson.parse(ResponseText.read(response.body()), taskId, statusWords)
                    .orElseThrow(() -> Failures.unreadable(Failures.Route.GET, response.code()));
        } catch (IOException e) {
            throw Failures.fromIOException(Failures.Route.GET, e, true);
        }
    }

    @Override
    public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target)
            throws VideoApiException {
        return downloader.download(taskId, videoUrl, maxBytes, target);
    }

    @Override
    public boolean knowsStatus(String word) {
        return statusWords.knows(word);
    }

    @Override
    public String toString() {
        return "HttpVideoApi[" + endpoint + "]";
    }

    /** Records whether OkHttp began writing the request: from then on a create may have reached the server. */
    private static final class SendTracker extends EventListener {
        private volatile boolean started;

        @Override
        public void requestHeadersStart(Call call) {
            started = true;
        }
    }
}
