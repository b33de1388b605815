package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.RunCommandAccess;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as an operator starts it, with {@code discord.api-base-url} and {@code discord.gateway-url} pointed
 * at a local fake: a command registration Discord refuses once is retried on the same session, and an
 * {@code INTERACTION_CREATE} for {@code /video} ends in a final message holding the video.
 */
class RunWithDiscordTest {
    @TempDir
    Path dir;

    @Test
    void anInteractionEndsInAFinalMessageHoldingTheVideo() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start();
             ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                     .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
            Path config = TestConfigs.write(dir, simulator, 0, discord.configSection());
            discord.failNext("PUT", "applications/\\d+/guilds/\\d+/commands", 500,
                    "{\"message\":\"500: Internal Server Error\",\"code\":0}", null);
            RunCommandAccess run = new RunCommandAccess(config, Map.of("VIDEO_API_KEY", "sim-key",
                    "DISCORD_TOKEN", FakeDiscord.TOKEN));
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> exit = thread.submit(run::call);
                await().atMost(Duration.ofSeconds(30)).until(() -> discord.calls("PUT",
                        "applications/\\d+/guilds/\\d+/commands").size() == 2);
                assertThat(discord.gateway().identifications()).as("a failed registration is retried on the same "
                        + "session, never by opening another").isEqualTo(1);

                discord.gateway().dispatch("INTERACTION_CREATE", Interactions.slash(Instant.now(),
                        Interactions.ALICE, List.of(), DiscordCommands.VIDEO, null,
                        List.of(Interactions.Option.string(DiscordCommands.PROMPT, "a cat surfing"))));

                await().atMost(Duration.ofSeconds(30)).until(() -> discord.calls("POST", "channels/\\d+/messages")
                        .stream().anyMatch(c -> c.fileNames().stream().anyMatch(f -> f.endsWith(".mp4"))));
                await().atMost(Duration.ofSeconds(30)).until(() -> discord.calls("PATCH",
                        "channels/\\d+/messages/\\d+").stream().anyMatch(e -> DiscordHarness.embedText(e.body())
                        .contains("✅ Video ready")));
                List<FakeDiscord.Call> edits = discord.calls("PATCH", "channels/\\d+/messages/\\d+");
                String messageId = edits.get(edits.size() - 1).path().replaceAll(".*/", "");
                assertThat(DiscordHarness.embedText(discord.message(messageId))).contains("✅ Video ready");
                FakeDiscord.Call upload = discord.calls("POST", "channels/\\d+/messages").get(1);
                assertThat(upload.fileHead()).isEqualTo("ftyp");
                assertThat(upload.path()).isEqualTo("channels/" + Interactions.CHANNEL + "/messages");
                await().atMost(Duration.ofSeconds(30)).until(() -> run.httpPort() > 0);
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + run.httpPort() + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).as("alone on SQLite, it holds the one shard")
                        .contains("shard 0/1: holding (connected)");

                run.stop();
                assertThat(exit.get()).isZero();
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
