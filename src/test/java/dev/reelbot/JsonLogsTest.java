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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with {@code REELBOT_LOGGING_JSON=true}, as a log collector reads it: one JSON object a line, an
 * ISO-8601 timestamp, the message with its arguments filled in, and the job's fields at the top level.
 */
class JsonLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyLineIsAJsonObjectWithTheJobFieldsAtTheTopLevel() throws Exception {
        int port = BotProcess.freePort();
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            Path config = TestConfigs.write(dir, simulator, port, "console:\n  enabled: true\n");
            Path log = dir.resolve("bot.log");
            BotProcess bot = BotProcess.start(config, Map.of("VIDEO_API_KEY", "sim-key", "REELBOT_LOGGING_JSON",
                    "true"), port, log);
            bot.awaitUp("videoApi");
            bot.typeInConsole("/video a cat surfing");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("Video ready"));
            assertThat(bot.stop()).isEqualTo(143);
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("bot.log"))) {
            if (!line.startsWith("#general")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(Instant.parse(line.path("@timestamp").asText())).isNotNull();
            assertThat(line.path("message").asText()).isNotEmpty().doesNotContain("{}");
            assertThat(line.has("kvpList")).isFalse();
        });
        JsonNode submitted = lines.stream().filter(l -> l.path("message").asText().startsWith("submitted"))
                .findFirst().orElseThrow();
        assertThat(submitted.path("job").asText()).matches("[a-z0-9]{8}");
        assertThat(submitted.path("platform").asText()).isEqualTo("console");
        assertThat(submitted.path("channel").asText()).isEqualTo("general");
        assertThat(submitted.path("user").asText()).isEqualTo("you");
        assertThat(submitted.path("level").asText()).isEqualTo("INFO");
        assertThat(submitted.path("message").asText()).doesNotContain("{}");
    }
}
