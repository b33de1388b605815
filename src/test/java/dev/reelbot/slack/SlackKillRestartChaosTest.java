package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.MessageRef;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.testing.AfterChaos;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.KillRestart;
import dev.reelbot.testing.TestConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real process ({@code run}, Slack in HTTP mode against a fake Slack, the simulator with faults),
 * killed with SIGKILL at random moments while commands keep arriving, and started again each time, while Slack
 * answers some calls with 429s and 5xx (some of those after posting the message). At the end:
 * every accepted job is final and shown final, none was submitted twice, every refund case has exactly one
 * notice, and no message is left showing a job in progress.
 */
class SlackKillRestartChaosTest {
    private static final int ROUNDS = 4;
    private static final int COMMANDS_PER_ROUND = 5;

    @TempDir
    Path dir;
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @Test
    void killedAtRandomAndRestartedItLosesNothingAndDoesNothingTwice() throws Exception {
        try (FakeSlack slack = new FakeSlack(); ApiSimulator simulator = KillRestart.faultySimulator()) {
            slack.failRandomly(0.1, seed);
            int port = BotProcess.freePort();
            Path config = TestConfigs.write(dir, simulator, port, """
                    slack:
                      enabled: true
                      mode: http
                      api-base-url: %s
                      admin-channel: C0ADMIN
                    """.formatted(slack.apiUrl()));
            KillRestart.Platform platform = new KillRestart.Platform("slack", Map.of("SLACK_BOT_TOKEN",
                    "xoxb-test-token-123456", "SLACK_SIGNING_SECRET", SlackHarness.SECRET),
                    (text, n) -> SignedCommand.send(port, text, "trig-" + n));
            List<String> accepted = KillRestart.run(dir, config, port, platform, ROUNDS, COMMANDS_PER_ROUND, random);

            assertInvariants(accepted, simulator, slack);
            assertThat(slack.injectedFaults().get(0)).as("Slack faults injected, seed %d", seed).isPositive();
        }
    }

    private void assertInvariants(List<String> accepted, ApiSimulator simulator, FakeSlack slack) {
        AfterChaos.check(dir.resolve("jobs.db"), accepted, simulator, new AfterChaos.Shown() {
            @Override
            public Boolean isFinal(MessageRef ref) {
                FakeSlack.Message message = slack.message(ref.channel(), ref.messageId());
                return message == null ? null : SlackKillRestartChaosTest.isFinal(message.blocks());
            }

            @Override
            public long noticesFor(String jobId) {
                return slack.messagesIn("C0ADMIN").stream().filter(m -> m.blocks().contains("job `" + jobId + "`"))
                        .count();
            }
        }, seed);
        assertThat(slack.messagesIn("C0GENERAL")).as("no message left showing a job in progress")
                .allSatisfy(m -> assertThat(isFinal(m.blocks())).as(m.blocks()).isTrue());
    }

    private static boolean isFinal(String blocks) {
        // Final views carry the Details button; "Not confirmed" ones too (a refund case); nothing else does.
        return blocks != null && blocks.contains(SlackViews.DETAILS);
    }
}
