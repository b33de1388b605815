package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.MessageRef;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.testing.AfterChaos;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.KillRestart;
import dev.reelbot.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real process ({@code run} with the real JDA against the fake Discord's REST and gateway, the
 * simulator with faults), killed with SIGKILL at random moments while interactions keep arriving, and started again
 * each time, while Discord answers some channel calls with 429s and 5xx (some of those after posting the message).
 * At the end: every accepted job is final and shown final, none was submitted twice, every refund case has exactly
 * one notice, and no message is left showing a job in progress.
 */
class DiscordKillRestartChaosTest {
    private static final Pattern JOB_ID = Pattern.compile("Job `([a-z0-9]{8})`");
    private static final int ROUNDS = 3;
    private static final int COMMANDS_PER_ROUND = 5;

    @TempDir
    Path dir;
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @Test
    void killedAtRandomAndRestartedItLosesNothingAndDoesNothingTwice() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start(); ApiSimulator simulator = KillRestart.faultySimulator()) {
            discord.failRandomly(0.1, seed);
            int port = BotProcess.freePort();
            Path config = TestConfigs.write(dir, simulator, port, discord.configSection());
            KillRestart.Platform platform = new KillRestart.Platform("discord",
                    Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN), (text, n) -> command(discord, text, n));
            List<String> accepted = KillRestart.run(dir, config, port, platform, ROUNDS, COMMANDS_PER_ROUND, random);

            assertInvariants(accepted, simulator, discord);
            assertThat(discord.injectedFaults()).as("Discord faults injected, seed %d", seed).isPositive();
        }
    }

    private void assertInvariants(List<String> accepted, ApiSimulator simulator, FakeDiscord discord) {
        AfterChaos.check(dir.resolve("jobs.db"), accepted, simulator, new AfterChaos.Shown() {
            @Override
            public Boolean isFinal(MessageRef ref) {
                JsonNode message = discord.message(ref.messageId());
                return message == null ? null : DiscordKillRestartChaosTest.isFinal(message);
            }

            @Override
            public long noticesFor(String jobId) {
                return discord.messagesIn(Interactions.ADMIN_CHANNEL).stream()
                        .filter(m -> m.toString().contains(jobId)).count();
            }
        }, seed);
        assertThat(discord.messagesIn(Interactions.CHANNEL).stream().filter(m -> !m.path("embeds").isEmpty()))
                .as("no message left showing a job in progress")
                .allSatisfy(m -> assertThat(isFinal(m)).as(m.toString()).isTrue());
    }

    /** Final views carry the Details button ("Not confirmed" ones too, a refund case); nothing else does. */
    private static boolean isFinal(JsonNode message) {
        return message.path("components").toString().contains("reelbot:details:");
    }

    /** Sends {@code /video} through the gateway; returns the job id when the bot's answer accepted it. */
    private static Optional<String> command(FakeDiscord discord, String prompt, int n) {
        String user = Long.toString(700_000_000_000_000_000L + n);
        ObjectNode interaction = Interactions.slash(Instant.now(), user, List.of(), DiscordCommands.VIDEO, null,
                List.of(Interactions.Option.string(DiscordCommands.PROMPT, prompt)));
        String answer = "webhooks/" + FakeDiscord.APP_ID + "/" + interaction.get("token").asText()
                + "/messages/@original";
        discord.gateway().dispatch("INTERACTION_CREATE", interaction);
        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.calls("PATCH", answer).isEmpty());
        Matcher m = JOB_ID.matcher(discord.calls("PATCH", answer).get(0).body().path("content").asText());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
