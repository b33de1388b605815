package dev.reelbot;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with the console enabled and a simulated API: health and metrics over HTTP, and a graceful stop in
 * the middle of a job followed by a new {@code run} that finishes it on the same message.
 */
class RunTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    ApiSimulator simulator;
    Path config;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                .withDurations(Duration.ofSeconds(2), Duration.ofSeconds(8)));
        config = TestConfigs.write(dir, simulator, 0, """
                admins:
                  console: [you]
                console:
                  enabled: true
                  video-dir: %s
                """.formatted(dir.resolve("videos")));
        env = Map.of("VIDEO_API_KEY", "sim-key");
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    @Test
    void healthAndMetricsReportTheFiguresOfRealJobs() throws Exception {
        try (RunningBot bot = new RunningBot(config, env)) {
            bot.type("/video a cat surfing");
            bot.type("/video a storm [fail]");
            bot.awaitLine(l -> l.contains("✅ Video ready"), WITHIN);
            bot.awaitLine(l -> l.contains("an admin has been notified for a refund"), WITHIN);

            RunningBot.HttpAnswer health = bot.get("/healthz");
            assertThat(health.code()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"store\":{\"status\":\"UP\"")
                    .contains("\"videoApi\":{\"status\":\"UP\"");

            System.gc(); // gauges must survive a collection (Micrometer holds their sources weakly by default)
            String metrics = bot.get("/metrics").body();
            assertThat(metrics)
                    .contains("reelbot_jobs{state=\"completed\"} 1.0")
                    .contains("reelbot_jobs{state=\"failed\"} 1.0")
                    .contains("reelbot_submissions_total{outcome=\"submitted\"} 2.0")
                    .contains("reelbot_job_failures_total{reason=\"generation_failed\"} 1.0")
                    .contains("reelbot_refunds_open 1.0")
                    .contains("reelbot_deliveries_total{kind=\"uploaded\"} 1.0")
                    .contains("reelbot_jobs_tracked 0.0")
                    .contains("reelbot_message_updates_total{outcome=\"sent\",platform=\"console\"}")
                    .contains("reelbot_api_call_seconds_bucket{outcome=\"ok\",route=\"get\"")
                    .contains("reelbot_api_call_seconds_count{outcome=\"ok\",route=\"create\"} 2")
                    .contains("reelbot_poll_seconds_bucket");
            assertThat(bot.stop()).isZero();
        }
    }

    @Test
    void aStopInTheMiddleOfAJobThenRunAgainFinishesItOnTheSameMessage() throws Exception {
        String jobId;
        try (RunningBot first = new RunningBot(config, env)) {
            first.type("/video a cat surfing [slow]");
            String progress = first.awaitLine(l -> l.contains(" edited: ") && l.contains("Generating"), WITHIN);
            jobId = progress.split(" ")[2];
            assertThat(first.stop()).isZero();
            assertThat(first.lines()).noneMatch(l -> l.contains("✅ Video ready"));
        }

        try (RunningBot second = new RunningBot(config, env)) {
            String done = second.awaitLine(l -> l.contains("✅ Video ready"), WITHIN);
            assertThat(done).startsWith("#general msg " + jobId + " edited: ");
            List<String> lines = second.lines();
            assertThat(lines).noneMatch(l -> l.contains(" posted: "));
            assertThat(second.stop()).isZero();
        }
        assertThat(createRequests(simulator)).isEqualTo(1);
        assertThat(dir.resolve("videos").resolve("reelbot-" + jobId + ".mp4")).exists();
    }
}
