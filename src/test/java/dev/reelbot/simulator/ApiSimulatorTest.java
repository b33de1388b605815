package dev.reelbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's own protocol details, checked with a plain HTTP client. */
class ApiSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final OkHttpClient http = new OkHttpClient();
    private ApiSimulator simulator;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withClock(clock).withKey("k"));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Response call(Request.Builder request, boolean auth) throws Exception {
        if (auth) {
            request.header("Authorization", "Bearer k");
        }
        return http.newCall(request.build()).execute();
    }

    private JsonNode create(RequestBody body) throws Exception {
        try (Response response = call(new Request.Builder().url(simulator.baseUrl() + "/v1/videos").post(body), true)) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    @Test
    void everyRouteNeedsTheBearerKey() throws Exception {
        for (String path : new String[] {"/v1/videos/task_x", "/v1/videos/task_x/content"}) {
            try (Response response = call(new Request.Builder().url(simulator.baseUrl() + path), false)) {
                assertThat(response.code()).isEqualTo(401);
                assertThat(JSON.readTree(response.body().string()).at("/error/code").asText())
                        .isEqualTo("invalid_api_key");
            }
        }
        try (Response response = call(new Request.Builder().url(simulator.baseUrl() + "/v1/videos")
                .post(RequestBody.create("{}", MediaType.get("application/json"))), false)) {
            assertThat(response.code()).isEqualTo(401);
        }
        assertThat(SimulatorCounts.createRequests(simulator)).isZero();
    }

    @Test
    void jsonBodiesAreAcceptedLikeGatewaysDo() throws Exception {
        JsonNode job = create(RequestBody.create("{\"model\":\"kling-v2-1\",\"prompt\":\"p\",\"duration\":10,"
                + "\"metadata\":{\"negative_prompt\":\"x\"}}", MediaType.get("application/json")));

        assertThat(job.get("status").asText()).isEqualTo("queued");
        assertThat(job.get("seconds").asText()).isEqualTo("10");
        assertThat(job.get("id").asText()).startsWith("task_").isEqualTo(job.get("task_id").asText());
    }

    @Test
    void soraTakesAnInputReferenceFile() throws Exception {
        JsonNode job = create(new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "sora-2-pro").addFormDataPart("prompt", "p")
                .addFormDataPart("seconds", "12").addFormDataPart("size", "1792x1024")
                .addFormDataPart("input_reference", "ref.png", RequestBody.create(new byte[] {1, 2},
                        MediaType.get("image/png")))
                .build());

        assertThat(job.get("size").asText()).isEqualTo("1792x1024");
        assertThat(job.get("seconds").asText()).isEqualTo("12");
    }

    @Test
    void resultLinksExpire() throws Exception {
        JsonNode job = create(new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "kling-v2-1").addFormDataPart("prompt", "p").build());
        String id = job.get("id").asText();
        clock.advance(Duration.ofSeconds(11));
        String url;
        try (Response response = call(new Request.Builder().url(simulator.baseUrl() + "/v1/videos/" + id), true)) {
            JsonNode done = JSON.readTree(response.body().string());
            assertThat(done.get("status").asText()).isEqualTo("completed");
            assertThat(done.get("expires_at").asLong()).isEqualTo(done.get("completed_at").asLong() + 3600);
            url = done.at("/metadata/url").asText();
        }
        try (Response response = call(new Request.Builder().url(url), false)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("video/mp4");
        }
        clock.advance(Duration.ofHours(1));
        try (Response response = call(new Request.Builder().url(url), false)) {
            assertThat(response.code()).isEqualTo(403);
        }
        try (Response response = call(new Request.Builder().url(simulator.baseUrl() + "/v1/videos/" + id
                + "/content"), true)) {
            assertThat(response.code()).as("the content route outlives the link").isEqualTo(200);
        }
    }

    @Test
    void contentBeforeCompletionIsRefused() throws Exception {
        JsonNode job = create(new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "sora-2").addFormDataPart("prompt", "p").build());

        try (Response response = call(new Request.Builder().url(simulator.baseUrl() + "/v1/videos/"
                + job.get("id").asText() + "/content"), true)) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(JSON.readTree(response.body().string()).at("/error/code").asText())
                    .isEqualTo("video_not_ready");
        }
    }

    @Test
    void markersAreReadFromThePrompt() {
        assertThat(Behaviour.fromPrompt("a [FAIL] storm [slow] and [unknown]"))
                .containsExactlyInAnyOrder(Behaviour.FAIL, Behaviour.SLOW);
        assertThat(Behaviour.fromPrompt("no markers")).isEmpty();
    }

    @Test
    void aBigJobDeliversARealPlayableClipOverTenMebibytesThroughTheContentRoute() throws Exception {
        TestFfmpeg.require();
        JsonNode job = create(new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "sora-2").addFormDataPart("prompt", "a storm [big]").build());
        clock.advance(Duration.ofMinutes(5));

        Path file = dir.resolve("big.mp4");
        try (Response response = call(new Request.Builder().url(simulator.baseUrl() + "/v1/videos/"
                + job.get("id").asText() + "/content"), true)) {
            assertThat(response.code()).isEqualTo(200);
            Files.copy(response.body().byteStream(), file);
        }

        assertThat(Files.size(file)).isGreaterThan(10L * 1024 * 1024);
        JsonNode probe = TestFfmpeg.probe(file);
        assertThat(TestFfmpeg.videoCodec(probe)).isEqualTo("h264");
        assertThat(TestFfmpeg.seconds(probe)).isCloseTo(8.0, within(0.2));
        assertThat(simulator.bigVideo()).startsWith("a real ");
    }
}
