package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /admin/usage.csv} through {@code run}: behind the bearer token of {@code ADMIN_API_TOKEN} (absent: the
 * route does not exist), every job of the period with its recorded price; and the spend in {@code /metrics}.
 */
class AdminUsageExportTest {
    private static final String TOKEN = "a-long-admin-token-for-tests-5678";

    @TempDir
    Path dir;

    private Path config(ApiSimulator simulator) throws Exception {
        Path config = dir.resolve("reelbot.yaml");
        Files.writeString(config, """
                video-api:
                  base-url: %s/v1
                  request-timeout: 2s
                  models:
                    - name: sora-2
                      price: 0.10/s
                poller:
                  tick: 50ms
                  min-interval: 200ms
                  max-interval: 1s
                messages:
                  edit-interval: 0s
                delivery:
                  video-dir: %s
                store:
                  path: %s
                server:
                  host: 127.0.0.1
                  port: 0
                console:
                  enabled: true
                admins:
                  console: [you]
                """.formatted(simulator.baseUrl(), dir.resolve("downloads"), dir.resolve("jobs.db")));
        return config;
    }

    @Test
    void theExportListsEveryJobWithItsPriceForTheTokenOnly() throws Exception {
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                .withDurations(Duration.ofSeconds(2), Duration.ofMinutes(3)));
             RunningBot bot = new RunningBot(config(simulator), Map.of("VIDEO_API_KEY", "sim-key",
                     "ADMIN_API_TOKEN", TOKEN))) {
            bot.type("/video a cat surfing --duration 8");
            bot.awaitLine(l -> l.contains("✅ Video ready"), Duration.ofSeconds(30));

            assertThat(bot.get("/admin/usage.csv").code()).isEqualTo(401);
            assertThat(bot.get("/admin/usage.csv", Map.of("Authorization", "Bearer wrong")).code()).isEqualTo(401);
            assertThat(bot.get("/admin/usage.csv?period=forever", Map.of("Authorization", "Bearer " + TOKEN)).code())
                    .isEqualTo(400);
            RunningBot.HttpAnswer csv = bot.get("/admin/usage.csv?period=7d", Map.of("Authorization",
                    "Bearer " + TOKEN));
            assertThat(csv.code()).isEqualTo(200);
            assertThat(csv.body().lines().toList()).hasSize(2).first().asString().startsWith("job,accepted_at,");
            assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
                    .contains(",console,local,").contains(",sora-2,8,1,completed,true,0.80,USD,none,,");
            assertThat(bot.get("/metrics").body()).contains("reelbot_spend_total{model=\"sora-2\"} 0.8")
                    .contains("reelbot_refunds_owed 0.0");
            assertThat(bot.lines()).noneMatch(line -> line.contains(TOKEN));
            assertThat(bot.stop()).isZero();
        }
    }

    @Test
    void withoutTheTokenTheRouteIsOff() throws Exception {
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key"));
             RunningBot bot = new RunningBot(config(simulator), Map.of("VIDEO_API_KEY", "sim-key"))) {
            assertThat(bot.get("/admin/usage.csv", Map.of("Authorization", "Bearer " + TOKEN)).code())
                    .isEqualTo(404);
            assertThat(bot.stop()).isZero();
        }
    }
}
