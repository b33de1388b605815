package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.LogCapture;
import dev.reelbot.testing.TestConfigs;
import dev.reelbot.testing.TestFfmpeg;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} wires the media side: with {@code server.public-url} its own HTTP server serves the link every
 * finished message carries; without ffmpeg it still starts and runs jobs, and {@code /healthz} says transcoding is
 * off and why.
 */
class RunMediaTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String SECRET = "a-media-link-secret-for-tests-0123456789";
    @TempDir
    Path dir;
    private ApiSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                .withDurations(Duration.ofSeconds(2), Duration.ofSeconds(8)));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Path config(int port) throws Exception {
        return TestConfigs.write(dir, simulator, port, """
                console:
                  enabled: true
                  video-dir: %s
                """.formatted(dir.resolve("videos")));
    }

    @Test
    void theLinkOfAFinishedVideoIsServedByTheBotsOwnServer() throws Exception {
        TestFfmpeg.require();
        int port = BotProcess.freePort();
        try (LogCapture logs = new LogCapture(); RunningBot bot = new RunningBot(config(port), Map.of("VIDEO_API_KEY",
                "sim-key", "REELBOT_SERVER_PUBLIC_URL", "http://127.0.0.1:" + port, "MEDIA_LINK_SECRET", SECRET))) {
            bot.type("/video a cat surfing");
            String done = bot.awaitLine(l -> l.contains("✅ Video ready"), WITHIN);

            Matcher link = Pattern.compile("link: (http://127\\.0\\.0\\.1:" + port + "/v/\\S+\\.mp4)").matcher(done);
            assertThat(link.find()).as(done).isTrue();
            HttpResponse<byte[]> range = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    link.group(1))).header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).hasSize(100);
            String jobId = done.split(" ")[2];
            assertThat(Files.exists(dir.resolve("media").resolve(jobId + ".mp4"))).isTrue();
            assertThat(Files.exists(dir.resolve("media").resolve(jobId + ".jpg"))).as("its poster frame").isTrue();
            assertThat(bot.get("/healthz").body()).contains("\"transcoding\":{\"status\":\"UP\",\"detail\":\"on: "
                    + "ffmpeg ");
            assertThat(bot.stop()).isZero();
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(SECRET));
        }
    }

    @Test
    void withoutFfmpegTheBotStillRunsAndHealthzSaysTranscodingIsOffAndWhy() throws Exception {
        Path noPrograms = Files.createDirectories(dir.resolve("empty-path"));
        try (RunningBot bot = new RunningBot(config(0), Map.of("VIDEO_API_KEY", "sim-key", "PATH",
                noPrograms.toString()))) {
            bot.type("/video a cat surfing");
            bot.awaitLine(l -> l.contains("✅ Video ready"), WITHIN);

            RunningBot.HttpAnswer health = bot.get("/healthz");
            assertThat(health.code()).isEqualTo(200);
            assertThat(health.body()).contains("\"transcoding\":{\"status\":\"DEGRADED\",\"detail\":\"off: ffmpeg is "
                    + "not installed (not found on the PATH)");
            assertThat(bot.get("/readyz").code()).as("no probe fails for it").isEqualTo(200);
            assertThat(bot.stop()).isZero();
        }
    }
}
