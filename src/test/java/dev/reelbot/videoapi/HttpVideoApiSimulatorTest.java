package dev.reelbot.videoapi;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static dev.reelbot.simulator.SimulatorCounts.jobCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Secret;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.Dialect;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real client against the real simulator over HTTP, its clock driven by the test. */
class HttpVideoApiSimulatorTest {
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ApiSimulator simulator;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private HttpVideoApi start(SimulatorOptions options) {
        simulator = ApiSimulator.start(options.withClock(clock));
        return client(simulator.apiKey());
    }

    private HttpVideoApi start() {
        return start(SimulatorOptions.defaults().withFlakiness(0.5, 7));
    }

    private HttpVideoApi client(String key) {
        ModelCatalog models = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2"),
                ModelSpec.defaultsFor("kling-v2-1"), ModelSpec.defaultsFor("jimeng-video-3.0")));
        return new HttpVideoApi(new OkHttpClient(), simulator.baseUrl() + "/v1", Secret.of(key), models,
                new GetRetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)), sleeper,
                clock, OutboundPolicy.permissiveForTests());
    }

    /** Polls every second of simulated time until the task is final, recording each status seen. */
    private List<TaskStatus> pollToEnd(HttpVideoApi api, String taskId) throws VideoApiException {
        List<TaskStatus> seen = new ArrayList<>();
        for (int second = 0; second < 600; second++) {
            TaskStatus status = api.get(taskId);
            seen.add(status);
            if (status.phase().isFinal()) {
                return seen;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("task never finished: " + seen.get(seen.size() - 1));
    }

    private static boolean isMp4(Path file) throws Exception {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        return new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp");
    }

    @Test
    void soraJobRunsToCompletionAndItsVideoDownloadsAsMp4() throws Exception {
        HttpVideoApi api = start();

        TaskStatus created = api.create(VideoRequest.builder("a cat surfing", "sora-2").seconds(4).build());
        List<TaskStatus> seen = pollToEnd(api, created.taskId());

        assertThat(created.phase()).isEqualTo(TaskPhase.QUEUED);
        assertThat(seen).extracting(TaskStatus::phase).contains(TaskPhase.QUEUED, TaskPhase.RUNNING);
        List<Integer> progress = seen.stream().map(TaskStatus::progress).toList();
        assertThat(progress).isSorted();
        assertThat(progress).anySatisfy(p -> assertThat(p).isBetween(1, 99));
        TaskStatus done = seen.get(seen.size() - 1);
        assertThat(done.phase()).isEqualTo(TaskPhase.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.videoUrl()).isNull();
        assertThat(done.expiresAt()).isAfter(clock.instant());
        assertThat(seen).hasSizeBetween(9, 12);

        VideoDownload download = api.download(done.taskId(), done.videoUrl(), 10_000_000, dir.resolve("v.mp4"));
        assertThat(download).isInstanceOf(VideoDownload.Saved.class);
        assertThat(isMp4(dir.resolve("v.mp4"))).isTrue();
        assertThat(((VideoDownload.Saved) download).bytes()).isBetween(10_000L, 200_000L);
    }

    @Test
    void klingJobOffersAResultUrlAndReportsCoarseProgress() throws Exception {
        HttpVideoApi api = start();

        TaskStatus created = api.create(VideoRequest.builder("waves", "kling-v2-1").seconds(5).build());
        List<TaskStatus> seen = pollToEnd(api, created.taskId());

        assertThat(seen).extracting(TaskStatus::progress).allSatisfy(p -> assertThat(p % 10).isZero());
        TaskStatus done = seen.get(seen.size() - 1);
        assertThat(done.videoUrl()).startsWith(simulator.baseUrl() + "/files/");
        assertThat(api.download(done.taskId(), done.videoUrl(), 10_000_000, dir.resolve("k.mp4")))
                .isInstanceOf(VideoDownload.Saved.class);
        assertThat(isMp4(dir.resolve("k.mp4"))).isTrue();
    }

    @ParameterizedTest(name = "progress as {0}, running as {1}")
    @CsvSource({"FRACTION, in_progress", "INTEGER, processing", "PERCENT, in_progress", "PERCENT, processing"})
    void everyDialectIsUnderstood(Dialect.Progress style, String runningWord) throws Exception {
        HttpVideoApi api = start(SimulatorOptions.defaults().withDialect(new Dialect(style, runningWord)));

        TaskStatus created = api.create(VideoRequest.builder("p", "jimeng-video-3.0").build());
        clock.advance(Duration.ofSeconds(5));
        TaskStatus midway = api.get(created.taskId());

        assertThat(midway.phase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(midway.rawStatus()).isEqualTo(runningWord);
        assertThat(midway.progress()).isBetween(40, 50);
    }

    @Test
    void failMarkerEndsFailedWithTheReason() throws Exception {
        HttpVideoApi api = start();

        TaskStatus created = api.create(VideoRequest.builder("a storm [fail]", "sora-2").build());
        List<TaskStatus> seen = pollToEnd(api, created.taskId());
        TaskStatus last = seen.get(seen.size() - 1);

        assertThat(last.phase()).isEqualTo(TaskPhase.FAILED);
        assertThat(last.errorMessage()).isEqualTo("the model could not generate this video");
        assertThat(last.errorCode()).isEqualTo("generation_failed");
    }

    @Test
    void moderatedMarkerIsRefusedAtSubmission() {
        HttpVideoApi api = start();

        assertThatThrownBy(() -> api.create(VideoRequest.builder("something [moderated]", "sora-2").build()))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("safety system")
                .extracting(e -> ((VideoApiException) e).code()).isEqualTo("content_policy_violation");
        assertThat(jobCount(simulator)).isZero();
    }

    @Test
    void lostMarkerVanishesAsTaskNotExist() throws Exception {
        HttpVideoApi api = start();
        TaskStatus created = api.create(VideoRequest.builder("gone [lost]", "sora-2").build());
        clock.advance(Duration.ofSeconds(4));

        assertThatThrownBy(() -> api.get(created.taskId()))
                .isInstanceOfSatisfying(VideoApiException.Rejected.class,
                        e -> assertThat(e.taskNotFound()).isTrue());
    }

    @Test
    void flakyMarkerIsSurvivedByRetries() throws Exception {
        HttpVideoApi api = start();

        TaskStatus created = api.create(VideoRequest.builder("shaky [flaky]", "sora-2").build());
        List<TaskStatus> seen = pollToEnd(api, created.taskId());

        assertThat(seen.get(seen.size() - 1).phase()).isEqualTo(TaskPhase.COMPLETED);
        assertThat(sleeper.waits).as("the flaky API made the client retry").isNotEmpty();
    }

    @Test
    void bigMarkerIsOverTenMebibytesAndRefusedUnderThatCap() throws Exception {
        HttpVideoApi api = start();
        TaskStatus created = api.create(VideoRequest.builder("huge [big]", "kling-v2-1").build());
        clock.advance(Duration.ofMinutes(1));
        TaskStatus done = api.get(created.taskId());

        assertThat(api.download(done.taskId(), done.videoUrl(), 10L * 1024 * 1024, dir.resolve("b.mp4")))
                .isInstanceOfSatisfying(VideoDownload.TooLarge.class,
                        t -> assertThat(t.bytes()).isGreaterThan(10L * 1024 * 1024));
        assertThat(api.download(done.taskId(), done.videoUrl(), 50L * 1024 * 1024, dir.resolve("b.mp4")))
                .isInstanceOf(VideoDownload.Saved.class);
        assertThat(isMp4(dir.resolve("b.mp4"))).isTrue();
    }

    @Test
    void slowMarkerTakesMinutes() throws Exception {
        HttpVideoApi api = start();
        TaskStatus created = api.create(VideoRequest.builder("patience [slow]", "sora-2").build());
        clock.advance(Duration.ofSeconds(90));

        TaskStatus status = api.get(created.taskId());

        assertThat(status.phase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(status.progress()).isBetween(40, 50);
    }

    @Test
    void wrongKeyIsRefusedAsACredentialsProblem() {
        start();
        HttpVideoApi wrong = client("not-the-key-at-all");

        assertThatThrownBy(() -> wrong.get("task_x"))
                .isInstanceOfSatisfying(VideoApiException.Rejected.class,
                        e -> assertThat(e.credentialsRefused()).isTrue());
    }

    @Test
    void invalidSizeIsRefusedInTheTaskErrorShape() {
        HttpVideoApi api = start();

        assertThatThrownBy(() -> api.create(VideoRequest.builder("p", "sora-2").size("1920x1080").build()))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("size must be one of")
                .extracting(e -> ((VideoApiException) e).code()).isEqualTo("invalid_size");
    }

    @Test
    void unknownModelIsRejectedAsModelNotFound() {
        HttpVideoApi api = start();

        assertThatThrownBy(() -> api.create(VideoRequest.builder("p", "veo-9").build()))
                .isInstanceOf(VideoApiException.Rejected.class)
                .extracting(e -> ((VideoApiException) e).code()).isEqualTo("model_not_found");
    }

    @Test
    void unknownTaskIsTaskNotExist() {
        HttpVideoApi api = start();

        assertThatThrownBy(() -> api.get("task_nope"))
                .isInstanceOfSatisfying(VideoApiException.Rejected.class,
                        e -> assertThat(e.taskNotFound()).isTrue());
    }

    @Test
    void eachCreateReachesTheServerOnce() throws Exception {
        HttpVideoApi api = start();

        api.create(VideoRequest.builder("one", "sora-2").build());
        api.create(VideoRequest.builder("two", "kling-v2-1").build());

        assertThat(createRequests(simulator)).isEqualTo(2);
        assertThat(jobCount(simulator)).isEqualTo(2);
    }
}
