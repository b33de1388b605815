package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import dev.reelbot.core.Job;
import dev.reelbot.core.RefundState;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.Chaos;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real process ({@code run}, Slack in HTTP mode against a fake Slack, the simulator with faults),
 * killed with SIGKILL at random moments while commands keep arriving, and started again each time. At the end:
 * every accepted job is final and shown final, none was submitted twice, every refund case has exactly one
 * notice, and no message is left showing a job in progress.
 */
class KillRestartChaosTest {
    private static final Pattern JOB_ID = Pattern.compile("Job `([a-z0-9]{8})`");
    private static final int ROUNDS = 4;
    private static final int COMMANDS_PER_ROUND = 5;

    @TempDir
    Path dir;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @Test
    void killedAtRandomAndRestartedItLosesNothingAndDoesNothingTwice() throws Exception {
        try (FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                     .withDurations(Duration.ofSeconds(3), Duration.ofSeconds(20)).withHang(Duration.ofSeconds(3))
                     .withChaos(new Chaos(0.1, 0.01, 3, 0, Duration.ZERO, 0.05, 0.05)))) {
            int port = freePort();
            Path config = writeConfig(simulator, slack, port);
            List<String> accepted = new ArrayList<>();
            int sent = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Process bot = start(config, slack, round);
                awaitUp(port);
                for (int i = 0; i < COMMANDS_PER_ROUND; i++, sent++) {
                    String marker = sent % 4 == 0 ? " [fail]" : "";
                    command(port, "killed job " + sent + marker, "trig-" + sent).ifPresent(accepted::add);
                }
                Thread.sleep(300 + random.nextInt(2500)); // a random kill point, not a wait for work
                bot.destroyForcibly().waitFor();
            }
            Process last = start(config, slack, ROUNDS);
            awaitUp(port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> metric(port, "reelbot_jobs_tracked").equals("0.0"));
            last.destroy();
            assertThat(last.waitFor()).as("SIGTERM: a graceful stop (143 is the JVM's exit status for it)")
                    .isEqualTo(143);
            assertThat(Files.readString(dir.resolve("bot-" + ROUNDS + ".log"))).contains("reelbot stopped");

            assertThat(accepted).as("seed %d", seed).hasSizeGreaterThanOrEqualTo(ROUNDS * COMMANDS_PER_ROUND / 2);
            assertInvariants(accepted, simulator, slack);
        }
    }

    private void assertInvariants(List<String> accepted, ApiSimulator simulator, FakeSlack slack) {
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            JdbcJobStore store = new JdbcJobStore(db);
            for (String id : accepted) {
                Job job = store.find(id).orElseThrow(() -> new AssertionError("accepted job " + id + " was lost"));
                assertThat(job.isSettled()).as("job %s settled (%s)", id, job.state()).isTrue();
                String shown = job.message().ref() == null ? null
                        : slack.message(job.message().ref().channel(), job.message().ref().messageId()).blocks();
                if (shown != null) {
                    assertThat(isFinal(shown)).as("job %s shows its end (kill seed %d): %s", id, seed, shown).isTrue();
                }
                long notices = slack.messagesIn("C0ADMIN").stream().filter(m -> m.blocks().contains("job `" + id
                        + "`")).count();
                assertThat(notices).as("notices for job %s (%s), kill seed %d", id, job.state(), seed)
                        .isEqualTo(job.refund().state() == RefundState.NONE ? 0 : 1);
            }
            assertThat(store.unsettled()).isEmpty();
        }
        assertThat(simulator.createRequestsByPrompt().values()).as("no job submitted twice").allMatch(n -> n <= 1);
        assertThat(slack.messagesIn("C0GENERAL")).as("no message left showing a job in progress")
                .allSatisfy(m -> assertThat(isFinal(m.blocks())).as(m.blocks()).isTrue());
    }

    private static boolean isFinal(String blocks) {
        // Final views carry the Details button; "Not confirmed" ones too (a refund case); nothing else does.
        return blocks != null && blocks.contains(SlackViews.DETAILS);
    }

    private Process start(Path config, FakeSlack slack, int round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.reelbot.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bot-" + round + ".log").toFile());
        builder.environment().putAll(Map.of("VIDEO_API_KEY", "sim-key", "SLACK_BOT_TOKEN", "xoxb-test-token-123456",
                "SLACK_SIGNING_SECRET", SlackHarness.SECRET));
        return builder.start();
    }

    private Path writeConfig(ApiSimulator simulator, FakeSlack slack, int port) throws IOException {
        Path config = dir.resolve("reelbot.yaml");
        Files.writeString(config, """
                video-api:
                  base-url: %s/v1
                  request-timeout: 2s
                poller:
                  tick: 100ms
                  min-interval: 300ms
                  max-interval: 2s
                messages:
                  edit-interval: 0s
                delivery:
                  video-dir: %s
                store:
                  path: %s
                slack:
                  enabled: true
                  mode: http
                  api-base-url: %s
                  admin-channel: C0ADMIN
                server:
                  host: 127.0.0.1
                  port: %d
                """.formatted(simulator.baseUrl(), dir.resolve("videos"), dir.resolve("jobs.db"), slack.apiUrl(),
                port));
        return config;
    }

    private void awaitUp(int port) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get(port, "/healthz").contains("\"slack\":{\"status\":\"UP\""));
    }

    /** Sends a signed /video; returns the job id when the bot accepted it. */
    private Optional<String> command(int port, String text, String trigger) throws IOException {
        String body = SlackHarness.formBody(Map.of("command", "/video", "text", text, "user_id", "U0USER"
                + trigger.replaceAll("\\D", ""), "user_name", "user", "channel_id", "C0GENERAL", "team_id", FakeSlack.TEAM,
                "trigger_id", trigger, "response_url", "http://127.0.0.1:1/unused"));
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/slack/events")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(SlackHarness.SECRET).generate(ts, body))
                .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response response = http.newCall(request).execute()) {
            Matcher m = JOB_ID.matcher(response.body().string());
            return response.code() == 200 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    private String metric(int port, String name) throws IOException {
        for (String line : get(port, "/metrics").split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    private String get(int port, String path) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + path).build())
                .execute()) {
            return response.body().string();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
