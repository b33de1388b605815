package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.reelbot.testing.LogCapture;
import java.nio.file.Path;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A whole Slack flow, successes and failures, logged at DEBUG: no token, signing secret or API key in any line. */
class SecretsNeverLoggedTest {
    @TempDir
    Path dir;

    @Test
    void noSecretAppearsInAnyLogLine() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        try (LogCapture logs = new LogCapture(); SlackHarness h = new SlackHarness(dir, false, 45)) {
            h.slack.refuse("C0PRIVATE");
            h.slack.rateLimitUpdates(2, 1);
            for (String text : new String[] {"a cat", "a storm [fail]", "x --duration 7", "gone [lost]"}) {
                try (Response response = h.command(text, "trig-" + text.hashCode(), "U0ALICE1", "C0GENERAL")) {
                    assertThat(response.code()).isEqualTo(200);
                }
            }
            try (Response response = h.command("private", "trig-p", "U0ALICE1", "C0PRIVATE")) {
                assertThat(response.code()).isEqualTo(200);
            }
            try (Response forged = h.signedPost("command=/video&text=x", "1", "wrong-secret")) {
                assertThat(forged.code()).isEqualTo(401);
            }
            h.runUntilSettled();

            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains("xoxb-test-token-123456")
                    || line.contains(SlackHarness.SECRET) || line.contains(h.simulator.apiKey()));
        } finally {
            root.setLevel(before);
        }
    }
}
