package dev.reelbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Secret;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.FaultyJobStore;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.videoapi.TestApis;
import dev.reelbot.web.HealthReport;
import dev.reelbot.web.WebServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real Bolt app and Slack client against {@link FakeSlack}, wired to the real engine (simulator, SQLite, a
 * clock the test moves), with the web server in front for HTTP mode: what a Slack workspace would see.
 */
final class SlackHarness implements AutoCloseable {
    static final String SECRET = "test-signing-secret";
    static final String ADMIN = "U0ADMIN1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeSlack slack = new FakeSlack();
    final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    final ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withClock(clock));
    final SqliteConnections db;
    final JdbcJobStore store;
    /** The store the engine uses: the real one, failing calls when a test says so. */
    final FaultyJobStore faults;
    final Engine engine;
    final SlackApp app;
    final WebServer web;
    private final OkHttpClient http = new OkHttpClient();

    SlackHarness(Path dir, boolean socketMode, int updatesPerMinute) throws Exception {
        this(dir, socketMode, updatesPerMinute, Engine.Parts.UNLIMITED);
    }

    /** @param maxInFlight jobs in flight at the video API at once (more wait in the queue) */
    SlackHarness(Path dir, boolean socketMode, int updatesPerMinute, int maxInFlight) throws Exception {
        SlackSettings settings = new SlackSettings(Secret.of("xoxb-test-token-123456"),
                socketMode ? Optional.of(Secret.of("xapp-test-token-123456")) : Optional.empty(),
                Optional.of(Secret.of(SECRET)), socketMode, "/video", slack.apiUrl(), "C0ADMIN", 50L << 20,
                updatesPerMinute, false);
        ModelCatalog models = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2"),
                ModelSpec.defaultsFor("kling-v2-1")));
        db = SqliteConnections.open(dir.resolve("reelbot.db"));
        store = new JdbcJobStore(db);
        faults = new FaultyJobStore(store);
        app = new SlackApp(settings, clock);
        engine = new Engine(new Engine.Parts(faults.store(), TestApis.forSimulator(simulator, models, clock,
                Duration.ofSeconds(2)), List.of(app.port()), models, Limits.DEFAULTS,
                new Quotas(100, 1000, 1000), new Admins(Set.of("slack:" + ADMIN)), EngineSettings.defaults(
                dir.resolve("videos")), 64L << 20, "/video").withMaxInFlight(maxInFlight), Runnable::run, clock);
        app.start(engine.commands(), Runnable::run, Runnable::run);
        web = WebServer.start("127.0.0.1", 0, app::http, new HealthReport(), () -> "");
    }

    /** A signed slash command, as Slack sends it to {@code /slack/events}. */
    Response command(String text, String triggerId, String user, String channel) throws IOException {
        Map<String, String> form = Map.ofEntries(Map.entry("token", "legacy"), Map.entry("team_id", FakeSlack.TEAM),
                Map.entry("team_domain", "test"), Map.entry("channel_id", channel), Map.entry("channel_name", "general"),
                Map.entry("user_id", user), Map.entry("user_name", user.toLowerCase()), Map.entry("command", "/video"),
                Map.entry("text", text), Map.entry("response_url", slack.base() + "/respond/cmd"),
                Map.entry("trigger_id", triggerId));
        return signedPost(formBody(form), Long.toString(System.currentTimeMillis() / 1000), SECRET);
    }

    /** A signed button press on one of the bot's messages. */
    Response button(String actionId, String jobId, String user, String channel, String triggerId)
            throws IOException {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A1")
                .put("token", "legacy").put("trigger_id", triggerId).put("response_url", slack.base() + "/respond/b");
        payload.putObject("team").put("id", FakeSlack.TEAM).put("domain", "test");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", FakeSlack.TEAM);
        payload.putObject("channel").put("id", channel).put("name", "general");
        payload.putObject("container").put("type", "message").put("message_ts", "1").put("channel_id", channel);
        payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1").put("value", jobId)
                .put("type", "button").put("action_ts", "1");
        return signedPost(formBody(Map.of("payload", payload.toString())),
                Long.toString(System.currentTimeMillis() / 1000), SECRET);
    }

    Response signedPost(String body, String timestamp, String secret) throws IOException {
        return signed(body, timestamp, secret, "application/x-www-form-urlencoded");
    }

    /** A signed interaction ({@code payload=} JSON), as Slack posts shortcuts, submissions and actions. */
    Response interaction(ObjectNode payload) throws IOException {
        return signed(formBody(Map.of("payload", payload.toString())), Long.toString(System.currentTimeMillis()
                / 1000), SECRET, "application/x-www-form-urlencoded");
    }

    /** A signed Events API request (JSON). */
    Response event(ObjectNode payload) throws IOException {
        return signed(payload.toString(), Long.toString(System.currentTimeMillis() / 1000), SECRET,
                "application/json");
    }

    private Response signed(String body, String timestamp, String secret, String type) throws IOException {
        String signature = new SlackSignature.Generator(secret).generate(timestamp, body);
        Request request = new Request.Builder().url("http://127.0.0.1:" + web.port() + WebServer.SLACK_EVENTS)
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                .post(RequestBody.create(body, MediaType.get(type))).build();
        return http.newCall(request).execute();
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Moves time a second at a time, ticking the engine, until no job has work left. */
    void runUntilSettled() {
        for (int second = 0; second < 3600; second++) {
            engine.tick();
            if (engine.trackedCount() == 0) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("jobs never settled: " + store.unsettled());
    }

    @Override
    public void close() throws Exception {
        web.close();
        app.close();
        db.close();
        simulator.close();
        slack.close();
    }
}
