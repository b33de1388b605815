package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Secret;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.InlineImage;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against MockWebServer, for every edge the real gateway can present. */
class HttpVideoApiTest {
    static final String KEY = "sk-test-4f9c2d7e1a6b3c8d";
    private static final String JOB = "{\"id\":\"task_1\",\"object\":\"video\",\"status\":\"queued\",\"progress\":0}";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    HttpVideoApi api() {
        return api(server.url("/").toString(), Duration.ofSeconds(5));
    }

    HttpVideoApi api(String baseUrl, Duration readTimeout) {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
        ModelCatalog models = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2"),
                ModelSpec.defaultsFor("kling-v2-1")));
        return new HttpVideoApi(http, baseUrl, Secret.of(KEY), models, GetRetryPolicy.DEFAULT, sleeper, clock,
                OutboundPolicy.permissiveForTests());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void soraCreateSendsSecondsAsStringAndOnlyTheFieldsSet() throws Exception {
        server.enqueue(json(200, JOB));
        VideoRequest request = VideoRequest.builder("a cat surfing", "sora-2").seconds(8).size("1280x720")
                .negativePrompt("rain").build();

        TaskStatus status = api().create(request);

        assertThat(status.taskId()).isEqualTo("task_1");
        assertThat(status.phase()).isEqualTo(TaskPhase.QUEUED);
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/videos");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        Map<String, FormParts.Part> parts = FormParts.parse(recorded);
        assertThat(parts.keySet()).containsExactly("model", "prompt", "seconds", "size", "metadata");
        assertThat(parts.get("seconds").text()).isEqualTo("8");
        assertThat(parts.get("metadata").text()).isEqualTo("{\"negative_prompt\":\"rain\"}");
    }

    @Test
    void klingCreateSendsIntegerDurationImageUrlAndAspectRatioInMetadata() throws Exception {
        server.enqueue(json(200, JOB));
        VideoRequest request = VideoRequest.builder("waves", "kling-v2-1").seconds(10).size("1280x720")
                .aspectRatio("16:9").imageUrl("https://example.com/first.png").seed(42L).count(2).fps(24)
                .style("anime").quality("high").endUser("u-1").build();

        api().create(request);

        Map<String, FormParts.Part> parts = FormParts.parse(server.takeRequest());
        assertThat(parts.get("duration").text()).isEqualTo("10");
        assertThat(parts).doesNotContainKey("seconds").doesNotContainKey("input_reference");
        assertThat(parts.get("image").text()).isEqualTo("https://example.com/first.png");
        assertThat(parts.get("seed").text()).isEqualTo("42");
        assertThat(parts.get("n").text()).isEqualTo("2");
        assertThat(parts.get("fps").text()).isEqualTo("24");
        assertThat(parts.get("user").text()).isEqualTo("u-1");
        assertThat(parts.get("metadata").text())
                .isEqualTo("{\"style\":\"anime\",\"quality_level\":\"high\",\"aspect_ratio\":\"16:9\"}");
    }

    @Test
    void soraImageIsFetchedAndSentAsInputReferenceFile() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body(new Buffer().write(png)).build());
        server.enqueue(json(200, JOB));

        api().create(VideoRequest.builder("from a frame", "sora-2").imageUrl(server.url("/frame.png").toString())
                .build());

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/frame.png");
        FormParts.Part file = FormParts.parse(server.takeRequest()).get("input_reference");
        assertThat(file.filename()).isEqualTo("reference.png");
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.bytes()).isEqualTo(png);
    }

    @Test
    void anInlineImageGoesToSoraAsItsFileAndToKlingAsBareBase64WithoutFetchingAnything() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 9, 8, 7};
        String inline = new InlineImage("image/png", png).toDataUrl();
        server.enqueue(json(200, JOB));
        server.enqueue(json(200, JOB));

        api().create(VideoRequest.builder("from a shared file", "sora-2").imageUrl(inline).build());
        api().create(VideoRequest.builder("from a shared file", "kling-v2-1").imageUrl(inline).build());

        FormParts.Part file = FormParts.parse(server.takeRequest()).get("input_reference");
        assertThat(file.filename()).isEqualTo("reference.png");
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.bytes()).isEqualTo(png);
        FormParts.Part image = FormParts.parse(server.takeRequest()).get("image");
        assertThat(image.text()).isEqualTo(java.util.Base64.getEncoder().encodeToString(png));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void soraImageThatIsNotAnImageIsRefusedBeforeAnythingIsSubmitted() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>")
                .build());

        assertThatThrownBy(() -> api().create(VideoRequest.builder("p", "sora-2")
                .imageUrl(server.url("/page").toString()).build()))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("not a JPEG, PNG or WebP");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createWhoseAnswerTimesOutIsOutcomeUnknownAndWasSentExactlyOnce() {
        server.enqueue(new MockResponse.Builder().code(200).body(JOB).headersDelay(3, TimeUnit.SECONDS).build());
        server.enqueue(json(200, JOB));

        assertThatThrownBy(() -> api(server.url("/").toString(), Duration.ofMillis(300))
                .create(VideoRequest.builder("p", "sora-2").build()))
                .isInstanceOf(VideoApiException.OutcomeUnknown.class)
                .hasMessageContaining("may or may not have been started");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createOnAPooledConnectionThatDropsIsNotSilentlyResentByOkHttp() throws Exception {
        HttpVideoApi api = api();
        server.enqueue(json(200, JOB));
        api.get("task_1"); // leaves a pooled keep-alive connection, which OkHttp would retry a failure on
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(200, JOB));

        assertThatThrownBy(() -> api.create(VideoRequest.builder("p", "sora-2").build()))
                .isInstanceOf(VideoApiException.OutcomeUnknown.class);
        server.takeRequest();
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void createThatCannotConnectWasNeverSubmitted() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start(0);
        String url = closed.url("/").toString();
        closed.close();

        assertThatThrownBy(() -> api(url, Duration.ofSeconds(1)).create(VideoRequest.builder("p", "sora-2").build()))
                .isInstanceOf(VideoApiException.Transient.class)
                .hasMessageContaining("nothing was submitted");
    }

    @Test
    void createAnswered5xxMayHaveStartedAJobAndIsNotRetried() {
        server.enqueue(json(502, "{\"error\":{\"message\":\"upstream timeout\"}}"));
        server.enqueue(json(200, JOB));

        assertThatThrownBy(() -> api().create(VideoRequest.builder("p", "sora-2").build()))
                .isInstanceOf(VideoApiException.OutcomeUnknown.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void createRefusalsAreRejectedWithTheGatewayMessage() {
        server.enqueue(json(400, "{\"code\":\"invalid_size\",\"message\":\"size must be 1280x720\",\"data\":null}"));

        assertThatThrownBy(() -> api().create(VideoRequest.builder("p", "sora-2").size("1x1").build()))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessage("size must be 1280x720")
                .extracting(e -> ((VideoApiException) e).code()).isEqualTo("invalid_size");
    }

    @Test
    void createAnsweredWithGarbageMayHaveStartedAJob() {
        server.enqueue(json(200, "<html>ok</html>"));

        assertThatThrownBy(() -> api().create(VideoRequest.builder("p", "sora-2").build()))
                .isInstanceOf(VideoApiException.OutcomeUnknown.class);
    }

    @Test
    void createBusyIsRefusedWithItsRetryAfterAndNotRetriedHere() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试\",\"type\":\"new_api_error\"}}")
                .build());

        assertThatThrownBy(() -> api().create(VideoRequest.builder("p", "sora-2").build()))
                .isInstanceOf(VideoApiException.Refused.class)
                .hasMessageContaining("当前分组上游负载已饱和")
                .satisfies(e -> assertThat(((VideoApiException.Refused) e).retryAfter())
                        .contains(Duration.ofSeconds(3)));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void getRetriesWithBackoffAndHonoursRetryAfter() throws Exception {
        server.enqueue(json(503, "{}"));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("{}").build());
        server.enqueue(json(200, "{\"id\":\"task_1\",\"status\":\"in_progress\",\"progress\":40}"));

        TaskStatus status = api().get("task_1");

        assertThat(status.progress()).isEqualTo(40);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
        assertThat(sleeper.waits.get(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/videos/task_1");
    }

    @Test
    void getHandsALongRetryAfterBackToTheCallerAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").body("{}").build());

        assertThatThrownBy(() -> api().get("task_1"))
                .isInstanceOf(VideoApiException.Transient.class)
                .satisfies(e -> assertThat(((VideoApiException.Transient) e).retryAfter())
                        .contains(Duration.ofSeconds(120)));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void getGivesUpAfterItsAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, "{}"));
        }

        assertThatThrownBy(() -> api().get("task_1")).isInstanceOf(VideoApiException.Transient.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void getOfAnUnknownTaskIsNotRetried() {
        server.enqueue(json(400, "{\"code\":\"task_not_exist\",\"message\":\"task_not_exist\",\"data\":null}"));

        assertThatThrownBy(() -> api().get("task_gone"))
                .isInstanceOf(VideoApiException.Rejected.class)
                .satisfies(e -> assertThat(((VideoApiException.Rejected) e).taskNotFound()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void getWithAHugeAnswerIsTransientNotAnOutOfMemory() {
        server.enqueue(json(200, "{\"id\":\"t\",\"status\":\"queued\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024)
                + "\"}"));
        server.enqueue(json(200, "{\"id\":\"t\",\"status\":\"queued\"}"));

        assertThatThrownBy(() -> api().get("t")).isInstanceOf(VideoApiException.Transient.class);
    }

    @Test
    void getTaskIdIsOnePathSegment() throws Exception {
        server.enqueue(json(200, "{\"id\":\"a/../b\",\"status\":\"queued\"}"));

        api().get("a/../b");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/videos/a%2F..%2Fb");
    }

    @Test
    void baseUrlWithV1IsAccepted() throws Exception {
        server.enqueue(json(200, JOB));

        api(server.url("/gateway/v1/").toString(), Duration.ofSeconds(5)).get("task_1");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/gateway/v1/videos/task_1");
    }

    @Test
    void downloadStreamsToTheFile() throws Exception {
        byte[] video = TestVideos.mp4(200_000);
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(video)).build());

        VideoDownload result = api().download("task_1", null, 1_000_000, dir.resolve("v.mp4"));

        assertThat(result).isEqualTo(new VideoDownload.Saved(dir.resolve("v.mp4"), 200_000, null));
        assertThat(Files.readAllBytes(dir.resolve("v.mp4"))).isEqualTo(video);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/videos/task_1/content");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void downloadOverTheCapByContentLengthIsRefusedUnread() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(new byte[50_000])).build());

        VideoDownload result = api().download("task_1", null, 10_000, dir.resolve("v.mp4"));

        assertThat(result).isEqualTo(new VideoDownload.TooLarge(50_000, 10_000, null));
        assertThat(dir.resolve("v.mp4")).doesNotExist();
    }

    @Test
    void downloadOverTheCapWithoutContentLengthStopsAndLeavesNoFile() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).chunkedBody(new Buffer().write(new byte[50_000]), 4096)
                .build());

        VideoDownload result = api().download("task_1", null, 10_000, dir.resolve("v.mp4"));

        assertThat(result).isInstanceOf(VideoDownload.TooLarge.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void resultUrlOnAnotherHostGetsNoKeyAndFailureFallsBackToContent() throws Exception {
        try (MockWebServer cdn = new MockWebServer()) {
            cdn.start(0);
            cdn.enqueue(new MockResponse.Builder().code(403).body("expired").build());
            server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(100))).build());
            // The CDN is reached as "localhost", the API as 127.0.0.1: different hosts.
            String resultUrl = cdn.url("/r.mp4").newBuilder().host("localhost").build().toString();

            VideoDownload result = api().download("task_1", resultUrl, 1_000, dir.resolve("v.mp4"));

            assertThat(result).isInstanceOf(VideoDownload.Saved.class);
            assertThat(cdn.takeRequest().getHeaders().get("Authorization")).isNull();
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/videos/task_1/content");
        }
    }

    @Test
    void resultUrlOnAPrivateAddressIsNeverFetchedInProduction() throws Exception {
        OkHttpClient http = new OkHttpClient();
        HttpVideoApi production = new HttpVideoApi(http, server.url("/").toString(), Secret.of(KEY),
                new ModelCatalog(List.of(ModelSpec.defaultsFor("kling-v2-1"))), GetRetryPolicy.DEFAULT, sleeper,
                clock, OutboundPolicy.publicOnly());
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(64))).build());

        VideoDownload result = production.download("task_1", "http://169.254.169.254/latest/meta-data", 1_000,
                dir.resolve("v.mp4"));

        assertThat(result).isInstanceOf(VideoDownload.Saved.class);
        assertThat(Files.size(dir.resolve("v.mp4"))).isEqualTo(64);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/videos/task_1/content");
    }

    @Test
    void anErrorPageAnsweredWith200IsNotTakenForTheVideo() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                    .body("<html><body>Service temporarily unavailable</body></html>").build());
        }

        assertThatThrownBy(() -> api().download("task_1", null, 1_000_000, dir.resolve("v.mp4")))
                .isInstanceOf(VideoApiException.Transient.class)
                .hasMessageContaining("not a video");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(api().toString()).doesNotContain(KEY).contains(server.getHostName());
    }
}
