package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import dev.reelbot.RunCommandAccess;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as an operator starts it: a config file enabling Slack in HTTP mode with {@code slack.api-base-url}
 * pointed at a local fake, the video API at a simulator; a signed {@code /video} request to {@code /slack/events}
 * ends in a channel message updated to its final state with the video uploaded, and an admin channel the bot may
 * not post in shows in {@code /healthz} while the requester still sees the end of their job.
 */
class RunWithSlackTest {
    @TempDir
    Path dir;

    /** What a test does with the running bot. */
    @FunctionalInterface
    private interface Scenario {
        void run(RunCommandAccess run) throws Exception;
    }

    /** Runs {@code run} against {@code slack} and a simulator, does the scenario, then stops it gracefully. */
    private void withRun(FakeSlack slack, Scenario scenario) throws Exception {
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
            Path config = TestConfigs.write(dir, simulator, 0, """
                    slack:
                      enabled: true
                      mode: http
                      api-base-url: %s
                      admin-channel: C0ADMIN
                    """.formatted(slack.apiUrl()));
            RunCommandAccess run = new RunCommandAccess(config, Map.of("VIDEO_API_KEY", "sim-key",
                    "SLACK_BOT_TOKEN", "xoxb-test-123456", "SLACK_SIGNING_SECRET", SlackHarness.SECRET));
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> exit = thread.submit(run::call);
                await().atMost(Duration.ofSeconds(20)).until(() -> run.httpPort() > 0 && !slack.calls("auth.test")
                        .isEmpty());
                scenario.run(run);
                run.stop();
                assertThat(exit.get()).isZero();
            } finally {
                thread.shutdownNow();
            }
        }
    }

    /** Sends a signed {@code /video} until the bot takes it. */
    private static void command(RunCommandAccess run, FakeSlack slack, String text, String trigger) {
        String body = SlackHarness.formBody(Map.of("command", "/video", "text", text, "user_id", "U0ALICE1",
                "user_name", "alice", "channel_id", "C0GENERAL", "team_id", FakeSlack.TEAM, "trigger_id", trigger,
                "response_url", slack.base() + "/r"));
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String signature = new SlackSignature.Generator(SlackHarness.SECRET).generate(ts, body);
        await().atMost(Duration.ofSeconds(20)).until(() -> post(run.httpPort(), body, ts, signature) == 200);
    }

    @Test
    void aSignedCommandEndsInAFinishedMessageWithTheVideo() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            withRun(slack, run -> {
                command(run, slack, "a cat surfing", "trig-run");

                await().atMost(Duration.ofSeconds(30)).until(() -> slack.messagesIn("C0GENERAL").stream()
                        .anyMatch(m -> m.blocks() != null && m.blocks().contains("Video ready")));
                assertThat(slack.calls("files.completeUploadExternal")).singleElement()
                        .satisfies(c -> assertThat(c.field("channel_id")).isEqualTo("C0GENERAL"));
                assertThat(slack.messagesIn("C0GENERAL")).hasSize(1);
            });
        }
    }

    @Test
    void anAdminChannelTheBotCannotPostInLeavesTheRequesterInformedAndHealthDegraded() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.refuse("C0ADMIN");
            withRun(slack, run -> {
                command(run, slack, "a storm [fail]", "trig-fail");

                await().atMost(Duration.ofSeconds(30)).until(() -> slack.messagesIn("C0GENERAL").stream()
                        .anyMatch(m -> m.blocks() != null && m.blocks().contains("Failed")));
                await().atMost(Duration.ofSeconds(10)).until(() -> get(run.httpPort(), "/healthz")
                        .contains("\"adminChannel\":{\"status\":\"DEGRADED\""));
                assertThat(get(run.httpPort(), "/healthz")).startsWith("{\"status\":\"DEGRADED\"")
                        .contains("not_in_channel").contains("\"scheduler\":{\"status\":\"UP\"");
                assertThat(get(run.httpPort(), "/metrics"))
                        .contains("reelbot_notice_failures_total{platform=\"slack\"}");
            });
        }
    }

    private static String get(int port, String path) throws Exception {
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + path).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            return response.body().string();
        }
    }

    private static int post(int port, String body, String ts, String signature) throws Exception {
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/slack/events")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
                .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            return response.code();
        }
    }
}
