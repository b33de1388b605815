package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s operator side: the three probes, and {@code /metrics} holding every series the README documents
 * from the first scrape on, at 0, with the JVM's beside them.
 */
class ProbesAndMetricsTest {
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(reelbot_[a-z_]+)` \\| (gauge|counter|histogram) "
            + "\\|", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyDocumentedSeriesIsThereAtZeroRightAfterStartUp() throws Exception {
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key"));
             RunningBot bot = new RunningBot(TestConfigs.write(dir, simulator, 0, "console:\n  enabled: true\n"),
                     Map.of("VIDEO_API_KEY", "sim-key"))) {
            String metrics = bot.get("/metrics").body();

            Matcher documented = DOCUMENTED.matcher(Files.readString(Path.of("README.md")));
            int families = 0;
            while (documented.find()) {
                families++;
                String name = documented.group(1);
                String sample = documented.group(2).equals("histogram") ? name + "_bucket{" : name;
                assertThat(metrics).as(name).containsPattern("(?m)^" + Pattern.quote(sample));
            }
            assertThat(families).as("the README table was read").isGreaterThanOrEqualTo(10);
            assertThat(metrics).contains("jvm_memory_used_bytes{").contains("process_cpu_usage ")
                    .contains("process_uptime_seconds ")
                    .contains("reelbot_submissions_total{outcome=\"unknown\"} 0.0")
                    .contains("reelbot_job_failures_total{reason=\"unreachable\"} 0.0")
                    .contains("reelbot_deliveries_total{kind=\"failed\"} 0.0")
                    .contains("reelbot_transcode_seconds_count{outcome=\"fitted\"} 0")
                    .contains("reelbot_message_updates_total{outcome=\"rate_limited\",platform=\"console\"} 0.0")
                    .contains("reelbot_platform_rate_limited_total{platform=\"console\"} 0.0")
                    .contains("reelbot_api_call_seconds_count{outcome=\"transient\",route=\"download\"} 0")
                    .contains("reelbot_jobs{state=\"timed_out\"} 0.0");
            List<String> pollBuckets = metrics.lines().filter(l -> l.startsWith("reelbot_poll_seconds_bucket{"))
                    .toList();
            assertThat(pollBuckets).hasSize(13).first().asString().contains("le=\"0.005\"");
            assertThat(pollBuckets).last().asString().contains("le=\"+Inf\"");
            assertThat(metrics.lines().filter(l -> l.startsWith("reelbot_api_call_seconds_bucket{outcome=\"ok\","
                    + "route=\"get\"")).count()).isEqualTo(13);
            assertThat(bot.stop()).isZero();
        }
    }

    @Test
    void theGrafanaDashboardQueriesSeriesTheBotExports() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("deploy", "grafana-dashboard.json")));
        Set<String> queried = new TreeSet<>();
        for (JsonNode target : dashboard.findValues("targets")) {
            target.findValuesAsText("expr").forEach(expr -> Pattern.compile("\\b(reelbot|jvm|process|system)_[a-z_]+")
                    .matcher(expr).results().forEach(m -> queried.add(m.group())));
        }
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key"));
             RunningBot bot = new RunningBot(TestConfigs.write(dir, simulator, 0, "console:\n  enabled: true\n"),
                     Map.of("VIDEO_API_KEY", "sim-key"))) {
            System.gc(); // the GC pause timer appears with the first collection
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = bot.get("/metrics").body();
                assertThat(queried).hasSizeGreaterThan(15)
                        .allSatisfy(name -> assertThat(metrics).containsPattern("(?m)^" + name + "[{ ]"));
            });
            assertThat(bot.stop()).isZero();
        }
    }

    @Test
    void withTheVideoApiDownTheBotIsAliveButNotReady() throws Exception {
        int deadPort = BotProcess.freePort();
        Path config = dir.resolve("reelbot.yaml");
        Files.writeString(config, """
                video-api:
                  base-url: http://127.0.0.1:%d/v1
                  connect-timeout: 200ms
                  get-attempts: 1
                delivery:
                  video-dir: %s
                store:
                  path: %s
                media:
                  dir: %s
                server:
                  host: 127.0.0.1
                  port: 0
                console:
                  enabled: true
                """.formatted(deadPort, dir.resolve("videos"), dir.resolve("jobs.db"), dir.resolve("media")));
        try (RunningBot bot = new RunningBot(config, Map.of("VIDEO_API_KEY", "sim-key"))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> bot.get("/readyz").code() == 503);

            RunningBot.HttpAnswer live = bot.get("/livez");
            assertThat(live.code()).isEqualTo(200);
            assertThat(live.body()).contains("\"scheduler\":{\"status\":\"UP\"").doesNotContain("videoApi")
                    .doesNotContain("store");
            assertThat(bot.get("/readyz").body()).contains("\"videoApi\":{\"status\":\"DOWN\"")
                    .contains("\"store\":{\"status\":\"UP\"").contains("\"scheduler\":{\"status\":\"UP\"");
            RunningBot.HttpAnswer health = bot.get("/healthz");
            assertThat(health.code()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("videoApi");
            assertThat(bot.stop()).isZero();
        }
    }
}
