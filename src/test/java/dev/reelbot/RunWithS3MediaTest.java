package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.LocalS3;
import dev.reelbot.testing.LogCapture;
import dev.reelbot.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} instances sharing one S3 bucket (a real S3 API in this JVM): the video one instance kept is in
 * the bucket, and the other serves its link (ranges and ETag alike) though it never saw the job; {@code /healthz}
 * names the bucket, and the S3 secret key is never logged.
 */
class RunWithS3MediaTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String LINK_SECRET = "a-media-link-secret-for-tests-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private ApiSimulator simulator;
    private LocalS3 s3;

    @BeforeEach
    void start() throws Exception {
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                .withDurations(Duration.ofSeconds(2), Duration.ofSeconds(4)));
        s3 = LocalS3.start(dir.resolve("s3"), "videos");
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
        simulator.close();
    }

    /** An instance of its own (database, downloads) whose media is the shared bucket; links name {@code publicUrl}. */
    private RunningBot instance(String name, int port, String publicUrl) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path config = TestConfigs.write(home, simulator, port, """
                console:
                  enabled: true
                  video-dir: %s
                """.formatted(home.resolve("videos")));
        Map<String, String> env = new HashMap<>(Map.of("VIDEO_API_KEY", "sim-key", "MEDIA_LINK_SECRET", LINK_SECRET,
                "REELBOT_SERVER_PUBLIC_URL", publicUrl, "REELBOT_MEDIA_S3_BUCKET", "videos",
                "REELBOT_MEDIA_S3_ENDPOINT", s3.endpoint().toString(), "REELBOT_MEDIA_S3_PATH_STYLE", "true",
                "REELBOT_MEDIA_S3_PREFIX", "reelbot/", "MEDIA_S3_ACCESS_KEY_ID", LocalS3.ACCESS_KEY_ID,
                "MEDIA_S3_SECRET_ACCESS_KEY", LocalS3.SECRET_ACCESS_KEY));
        // No ffmpeg: the video is kept and linked as it came (no poster), which is all this test is about.
        env.put("PATH", Files.createDirectories(home.resolve("no-programs")).toString());
        return new RunningBot(config, env);
    }

    private HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aLinkServedByEitherInstanceFindsTheVideoTheOtherKeptInTheBucket() throws Exception {
        int portA = BotProcess.freePort();
        String publicUrl = "http://127.0.0.1:" + portA;
        try (LogCapture logs = new LogCapture(); RunningBot a = instance("a", portA, publicUrl);
             RunningBot b = instance("b", 0, publicUrl)) {
            a.type("/video a cat surfing");
            String done = a.awaitLine(l -> l.contains("✅ Video ready"), WITHIN);
            Matcher link = Pattern.compile("link: (" + Pattern.quote(publicUrl) + "(/v/\\S+\\.mp4))").matcher(done);
            assertThat(link.find()).as(done).isTrue();
            String jobId = done.split(" ")[2];
            Path kept = s3.file("videos", "reelbot/" + jobId + ".mp4").orElseThrow();

            HttpResponse<byte[]> fromA = get(link.group(1));
            HttpResponse<byte[]> fromB = get(b.url(link.group(2)), "Range", "bytes=0-99");

            assertThat(fromA.statusCode()).isEqualTo(200);
            assertThat(fromA.body()).isEqualTo(Files.readAllBytes(kept));
            assertThat(fromB.statusCode()).isEqualTo(206);
            assertThat(fromB.body()).isEqualTo(Arrays.copyOf(fromA.body(), 100));
            assertThat(fromB.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + fromA.body().length);
            String etag = fromA.headers().firstValue("ETag").orElseThrow();
            assertThat(fromB.headers().firstValue("ETag")).hasValue(etag);
            assertThat(get(b.url(link.group(2)), "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(b.get("/healthz").body()).contains("\"mediaStore\":{\"status\":\"UP\",\"detail\":\"S3 bucket "
                    + "s3://videos/reelbot/ at " + s3.endpoint() + "\"}");
            assertThat(a.stop()).isZero();
            assertThat(b.stop()).isZero();
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(LocalS3.SECRET_ACCESS_KEY));
        }
    }
}
