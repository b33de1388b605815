package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as an operator starts it: a config file enabling Slack in HTTP mode with {@code slack.api-base-url}
 * pointed at a local fake, the video API at a simulator; a signed {@code /video} request to {@code /slack/events}
 * ends in a channel message updated to its final state with the video uploaded.
 */
class RunWithSlackTest {
    @TempDir
    Path dir;

    @Test
    void aSignedCommandEndsInAFinishedMessageWithTheVideo() throws Exception {
        try (FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = simulator();
             SlackRun run = new SlackRun(dir, slack, simulator, "", null, null)) {
            command(run, slack, "a cat surfing", "trig-run");

            await().atMost(Duration.ofSeconds(30)).until(() -> slack.messagesIn("C0GENERAL").stream()
                    .anyMatch(m -> m.blocks() != null && m.blocks().contains("Video ready")));
            assertThat(slack.calls("files.completeUploadExternal")).singleElement()
                    .satisfies(c -> assertThat(c.field("channel_id")).isEqualTo("C0GENERAL"));
            assertThat(slack.messagesIn("C0GENERAL")).hasSize(1);
            assertThat(run.stop()).isZero();
        }
    }

    @Test
    void anAdminChannelTheBotCannotPostInLeavesTheRequesterInformedAndHealthDegraded() throws Exception {
        try (FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = simulator()) {
            slack.refuse("C0ADMIN");
            try (SlackRun run = new SlackRun(dir, slack, simulator, "", null, null)) {
                command(run, slack, "a storm [fail]", "trig-fail");

                await().atMost(Duration.ofSeconds(30)).until(() -> slack.messagesIn("C0GENERAL").stream()
                        .anyMatch(m -> m.blocks() != null && m.blocks().contains("Failed")));
                await().atMost(Duration.ofSeconds(10)).until(() -> run.get("/healthz")
                        .contains("\"adminChannel\":{\"status\":\"DEGRADED\""));
                assertThat(run.get("/healthz")).startsWith("200 {\"status\":\"DEGRADED\"")
                        .contains("not_in_channel").contains("\"scheduler\":{\"status\":\"UP\"");
                assertThat(run.get("/metrics")).contains("reelbot_notice_failures_total{platform=\"slack\"}");
                assertThat(run.stop()).isZero();
            }
        }
    }

    private static ApiSimulator simulator() {
        return ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    /** Sends a signed {@code /video} until the bot takes it. */
    private static void command(SlackRun run, FakeSlack slack, String text, String trigger) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Response answer = run.command(text, trigger, slack.base() + "/r")) {
                return answer.code() == 200;
            }
        });
    }
}
