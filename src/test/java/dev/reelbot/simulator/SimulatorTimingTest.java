package dev.reelbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The simulator's production-like timing: progress shapes, duration jitter, slow creates and the timeline. */
class SimulatorTimingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final OkHttpClient http = new OkHttpClient();

    @Test
    void coarseProgressMovesInTheGatewaysStepsThenJumpsToCompletion() {
        SimJob job = job(ProgressShape.COARSE, 100);
        List<Integer> seen = new ArrayList<>();
        for (int second = 0; second <= 100; second++) {
            int progress = job.at(job.createdAt().plusSeconds(second)).progress();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != progress) {
                seen.add(progress);
            }
        }
        assertThat(seen).containsExactly(0, 10, 20, 30, 100);
        assertThat(job.at(job.createdAt().plusSeconds(99)).phase()).isEqualTo(SimJob.Phase.RUNNING);
    }

    @Test
    void aStallingJobSitsBetweenNinetyAndNinetyNineForAWhileBeforeItCompletes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            ProgressCurve curve = ProgressCurve.draw(ProgressShape.STALL, random);
            assertThat(curve.stallAt()).isBetween(90, 99);
            assertThat(curve.stallShare()).isBetween(0.1, 0.5);
            assertThat(curve.percentAt(1 - curve.stallShare() + 1e-9, false)).isEqualTo(curve.stallAt());
            assertThat(curve.percentAt(0.999, false)).as("still stalled at the end").isEqualTo(curve.stallAt());
            assertThat(curve.percentAt((1 - curve.stallShare()) / 2, false)).isLessThan(curve.stallAt());
        }
    }

    @Test
    void jitteredLengthsSpreadEvenlyWithinTheirShare() {
        SimulatorOptions options = SimulatorOptions.defaults().withDurations(Duration.ofSeconds(20),
                Duration.ofSeconds(60)).withTiming(new Timing(ProgressShape.LINEAR, 0.3, Duration.ZERO));
        SplittableRandom random = new SplittableRandom(1);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 500; i++) {
            CreateRules.Outcome outcome = CreateRules.check(Map.of("model", "sora-2", "prompt", "p"), false,
                    clock.instant(), options, random);
            long millis = ((CreateRules.Outcome.Accepted) outcome).job().runTime().toMillis();
            shortest = Math.min(shortest, millis);
            longest = Math.max(longest, millis);
        }
        assertThat(shortest).isBetween(14_000L, 15_000L);
        assertThat(longest).isBetween(25_000L, 26_000L);
    }

    @Test
    void aSlowCreateIsAnsweredLateWithAJobThatStartedWhenItArrived() throws Exception {
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("k")
                .withTiming(new Timing(ProgressShape.COARSE, 0, Duration.ofMillis(400))))) {
            long start = System.nanoTime();
            JsonNode created = create(simulator);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
            String[] line = timeline(simulator).strip().split(" ");
            assertThat(line[0]).isEqualTo(created.get("id").asText());
            long createdMicros = Long.parseLong(line[1]);
            assertThat(createdMicros / 1_000_000).isEqualTo(created.get("created_at").asLong());
            assertThat(Long.parseLong(line[2]) - createdMicros).isEqualTo(10_000_000);
        }
    }

    @Test
    void theTimelineListsEachChangeOfProgressWhenItHappens() throws Exception {
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("k").withClock(clock)
                .withTiming(new Timing(ProgressShape.COARSE, 0, Duration.ZERO)))) {
            create(simulator);
            String[] line = timeline(simulator).strip().split(" ");
            long created = Long.parseLong(line[1]);
            assertThat(line).hasSize(6);
            // queued for the first second of ten, then 10, 20 and 30 at the thirds of the remaining nine
            assertThat(line[3]).isEqualTo("10@" + (created + 1_000_000));
            assertThat(line[4]).startsWith("20@");
            assertThat(Long.parseLong(line[4].substring(3)) - created).isBetween(3_999_000L, 4_001_000L);
            assertThat(Long.parseLong(line[5].substring(3)) - created).isBetween(6_999_000L, 7_001_000L);
        }
    }

    private JsonNode create(ApiSimulator simulator) throws Exception {
        Request request = new Request.Builder().url(simulator.baseUrl() + "/v1/videos").header("Authorization",
                "Bearer k").post(new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "sora-2").addFormDataPart("prompt", "p").build()).build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    private String timeline(ApiSimulator simulator) throws Exception {
        try (Response response = http.newCall(new Request.Builder().url(simulator.baseUrl() + "/sim/timeline")
                .build()).execute()) {
            return response.body().string();
        }
    }

    private SimJob job(ProgressShape shape, int seconds) {
        return new SimJob("task_x", "sora-2", "p", Set.of(), clock.instant(), Duration.ofSeconds(seconds), "4",
                "720x1280", ProgressCurve.draw(shape, new SplittableRandom(1)));
    }
}
