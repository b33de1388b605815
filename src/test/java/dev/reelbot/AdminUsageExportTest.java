package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.TestConfigs;
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
        return TestConfigs.write(dir, simulator, 0, """
                  models:
                    - name: sora-2
                      price: 0.10/s
                """, """
                console:
                  enabled: true
                admins:
                  console: [you]
                """);
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
