package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.reelbot.RunCommandAccess;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
 * {@code run} with Slack (HTTP mode) and the console on one engine, while another program holds the job database's
 * write lock: a slash command is answered in time with HTTP 200 and a clear "try again", the console answers the
 * same and keeps working, and the health report says the store is down; once the lock is gone all is as before.
 */
class RunWithABusyStoreTest {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void aLockedDatabaseGetsEveryPlatformAnAnswerInTimeAndTheHealthReportSaysSo() throws Exception {
        try (FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                     .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
            Path config = TestConfigs.write(dir, simulator, 0, """
                    slack:
                      enabled: true
                      mode: http
                      api-base-url: %s
                      admin-channel: C0ADMIN
                    console:
                      enabled: true
                      video-dir: %s
                    """.formatted(slack.apiUrl(), dir.resolve("videos")));
            PipedOutputStream keyboard = new PipedOutputStream();
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            RunCommandAccess run = new RunCommandAccess(config, Map.of("VIDEO_API_KEY", "sim-key",
                    "SLACK_BOT_TOKEN", "xoxb-test-123456", "SLACK_SIGNING_SECRET", SlackHarness.SECRET))
                    .console(new PipedInputStream(keyboard), new PrintStream(screen, true, StandardCharsets.UTF_8));
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> exit = thread.submit(run::call);
                await().atMost(Duration.ofSeconds(20)).until(() -> run.httpPort() > 0
                        && !slack.calls("auth.test").isEmpty());
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobs.db"));
                     Statement lock = other.createStatement()) {
                    lock.execute("BEGIN IMMEDIATE");

                    long start = System.nanoTime();
                    try (Response answer = command(run.httpPort(), "a cat surfing", "trig-locked")) {
                        Duration took = Duration.ofNanos(System.nanoTime() - start);
                        assertThat(answer.code()).isEqualTo(200);
                        assertThat(took).as("acknowledged within Slack's three seconds")
                                .isLessThan(Duration.ofSeconds(3));
                        assertThat(new ObjectMapper().readTree(answer.body().string()).path("text").asText())
                                .isEqualTo("reelbot can't take new videos right now; try again in a minute.");
                    }
                    type(keyboard, "/video a dog surfing");
                    await().atMost(Duration.ofSeconds(10)).until(() -> text(screen)
                            .contains("#general (to you) reelbot can't take new videos right now"));
                    assertThat(get(run.httpPort(), "/healthz")).startsWith("503 ")
                            .contains("\"store\":{\"status\":\"DOWN\",\"detail\":\"writes failing since");
                    lock.execute("ROLLBACK");
                }

                await().atMost(Duration.ofSeconds(10)).until(() -> get(run.httpPort(), "/healthz")
                        .contains("\"store\":{\"status\":\"UP\""));
                type(keyboard, "/video a bird surfing");
                await().atMost(Duration.ofSeconds(30)).until(() -> text(screen).lines()
                        .anyMatch(l -> l.contains("a bird surfing") && l.contains("✅ Video ready")));
                run.stop();
                assertThat(exit.get()).isZero();
            } finally {
                keyboard.close();
                thread.shutdownNow();
            }
        }
    }

    private static void type(PipedOutputStream keyboard, String line) throws Exception {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static String text(ByteArrayOutputStream screen) {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private static Response command(int port, String text, String trigger) throws Exception {
        String body = SlackHarness.formBody(Map.of("command", "/video", "text", text, "user_id", "U0ALICE1",
                "user_name", "alice", "channel_id", "C0GENERAL", "team_id", FakeSlack.TEAM, "trigger_id", trigger,
                "response_url", "http://127.0.0.1:1/r"));
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/slack/events")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(SlackHarness.SECRET).generate(ts, body))
                .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded"))).build();
        return HTTP.newCall(request).execute();
    }

    private static String get(int port, String path) throws Exception {
        try (Response response = HTTP.newCall(new Request.Builder().url("http://127.0.0.1:" + port + path).build())
                .execute()) {
            return response.code() + " " + response.body().string();
        }
    }
}
