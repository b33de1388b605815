package dev.reelbot.slack;

import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import dev.reelbot.RunCommandAccess;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.testing.TestConfigs;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code run} as an operator starts it with Slack in HTTP mode ({@code slack.api-base-url} at a local fake, the
 * video API at a simulator), plus any other config sections; signed slash commands are posted to its
 * {@code /slack/events} as Slack would.
 */
final class SlackRun implements AutoCloseable {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();

    private final RunCommandAccess run;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Integer> exit;

    /** Starts {@code run} and waits until Slack accepted the token and HTTP is served. */
    SlackRun(Path dir, FakeSlack slack, ApiSimulator simulator, String moreSections, InputStream in, PrintStream out)
            throws Exception {
        Path config = TestConfigs.write(dir, simulator, 0, """
                slack:
                  enabled: true
                  mode: http
                  api-base-url: %s
                  admin-channel: C0ADMIN
                """.formatted(slack.apiUrl()) + moreSections);
        run = new RunCommandAccess(config, Map.of("VIDEO_API_KEY", "sim-key", "SLACK_BOT_TOKEN", "xoxb-test-123456",
                "SLACK_SIGNING_SECRET", SlackHarness.SECRET));
        if (in != null) {
            run.console(in, out);
        }
        exit = thread.submit(run::call);
        await().atMost(Duration.ofSeconds(20)).until(() -> run.httpPort() > 0 && !slack.calls("auth.test").isEmpty());
    }

    int port() {
        return run.httpPort();
    }

    /** A signed {@code /video} command from alice in C0GENERAL; the caller closes the answer. */
    Response command(String text, String triggerId, String responseUrl) throws Exception {
        String body = SlackHarness.formBody(Map.of("command", "/video", "text", text, "user_id", "U0ALICE1",
                "user_name", "alice", "channel_id", "C0GENERAL", "team_id", FakeSlack.TEAM, "trigger_id", triggerId,
                "response_url", responseUrl));
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Request request = new Request.Builder().url("http://127.0.0.1:" + port() + "/slack/events")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(SlackHarness.SECRET).generate(ts, body))
                .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded"))).build();
        return HTTP.newCall(request).execute();
    }

    /** The status code and body of a GET, as one string: "503 {...}". */
    String get(String path) throws Exception {
        try (Response response = HTTP.newCall(new Request.Builder().url("http://127.0.0.1:" + port() + path).build())
                .execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    /** What SIGTERM does; returns the exit code. */
    int stop() throws Exception {
        run.stop();
        return exit.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        run.stop();
        thread.shutdownNow();
    }
}
