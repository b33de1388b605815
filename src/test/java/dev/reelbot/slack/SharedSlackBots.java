package dev.reelbot.slack;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.TestConfigs;
import dev.reelbot.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code run} processes sharing one PostgreSQL schema, Slack in HTTP mode against one fake Slack and one simulator:
 * the same config for each, a port of its own.
 */
final class SharedSlackBots {
    private final Path dir;
    private final Path config;
    private final Map<String, String> env = new HashMap<>();

    /** @param slackKeys more keys of the {@code slack} section, as YAML lines indented by two spaces */
    SharedSlackBots(Path dir, TestPostgres.Schema schema, FakeSlack slack, ApiSimulator simulator, Duration leaseTtl,
                    String slackKeys) throws IOException {
        this.dir = dir;
        this.config = TestConfigs.writeShared(dir, simulator, schema, leaseTtl, """
                slack:
                  enabled: true
                  mode: http
                  api-base-url: %s
                  admin-channel: C0ADMIN
                """.formatted(slack.apiUrl()) + slackKeys);
        env.putAll(TestConfigs.storeEnv(schema));
        env.put("VIDEO_API_KEY", "sim-key");
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token-123456");
        env.put("SLACK_SIGNING_SECRET", SlackHarness.SECRET);
    }

    /** Starts an instance on {@code port} (0: a free one), logging to {@code <log>.log}. */
    BotProcess start(int port, String log) throws IOException {
        int chosen = port == 0 ? BotProcess.freePort() : port;
        Map<String, String> own = new HashMap<>(env);
        own.put("REELBOT_SERVER_PORT", Integer.toString(chosen));
        return BotProcess.start(config, own, chosen, dir.resolve(log + ".log"));
    }
}
