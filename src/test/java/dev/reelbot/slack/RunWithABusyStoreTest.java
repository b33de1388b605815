package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
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
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with Slack (HTTP mode) and the console on one engine, while another program holds the job database's
 * write lock: a slash command is answered in time with HTTP 200 and a clear "try again", the console answers the
 * same and keeps working, {@code /readyz} and {@code /healthz} say the store is down (and why) while {@code /livez}
 * stays up; once the lock is gone all is as before.
 */
class RunWithABusyStoreTest {
    @TempDir
    Path dir;

    @Test
    void aLockedDatabaseGetsEveryPlatformAnAnswerInTimeAndTheHealthReportSaysSo() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                     .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)));
             SlackRun run = new SlackRun(dir, slack, simulator, """
                     console:
                       enabled: true
                       video-dir: %s
                     """.formatted(dir.resolve("videos")), new PipedInputStream(keyboard),
                     new PrintStream(screen, true, StandardCharsets.UTF_8))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (Response ready = run.command("help", "trig-ready", slack.base() + "/r")) {
                    return ready.code() == 200;
                }
            });
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobs.db"));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");

                long start = System.nanoTime();
                try (Response answer = run.command("a cat surfing", "trig-locked", slack.base() + "/r")) {
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(answer.code()).isEqualTo(200);
                    assertThat(took).as("acknowledged within Slack's three seconds").isLessThan(Duration.ofSeconds(3));
                    assertThat(new ObjectMapper().readTree(answer.body().string()).path("text").asText())
                            .isEqualTo("reelbot can't take new videos right now; try again in a minute.");
                }
                type(keyboard, "/video a dog surfing");
                await().atMost(Duration.ofSeconds(10)).until(() -> text(screen)
                        .contains("#general (to you) reelbot can't take new videos right now"));
                for (String probe : new String[] {"/readyz", "/healthz"}) {
                    assertThat(run.get(probe)).as(probe).startsWith("503 ")
                            .contains("\"store\":{\"status\":\"DOWN\",\"detail\":\"writes failing since");
                }
                assertThat(run.get("/livez")).as("a busy store is no reason to restart").startsWith("200 ");
                lock.execute("ROLLBACK");
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> run.get("/readyz")
                    .contains("\"store\":{\"status\":\"UP\""));
            type(keyboard, "/video a bird surfing");
            await().atMost(Duration.ofSeconds(30)).until(() -> text(screen).lines()
                    .anyMatch(l -> l.contains("a bird surfing") && l.contains("✅ Video ready")));
            assertThat(run.stop()).isZero();
        } finally {
            keyboard.close();
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
}
