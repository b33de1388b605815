package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.deliver.DownloadSettings;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download has a total deadline and a minimum rate: a slow, stalling or endless host is cut off, never waited on. */
class DownloadLimitsTest {
    private static final ModelCatalog MODELS = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2")));

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private VideoApi api(Duration timeout, long minRate, Duration window) {
        return TestApis.withDownloads(server.url("/v1").toString(), MODELS, MutableClock.at("2026-11-24T12:00:00Z"),
                new DownloadSettings(1, timeout, minRate), window);
    }

    private static MockResponse video(int bytes) {
        return new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(bytes))).build();
    }

    private VideoApiException.Transient failedDownload(VideoApi api) {
        long start = System.nanoTime();
        VideoApiException.Transient[] failure = new VideoApiException.Transient[1];
        assertThatThrownBy(() -> api.download("task_1", null, 10_000_000, dir.resolve("v.mp4")))
                .isInstanceOfSatisfying(VideoApiException.Transient.class, e -> failure[0] = e);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut off, not waited out")
                .isLessThan(Duration.ofSeconds(5));
        return failure[0];
    }

    private void assertNothingLeft() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no partial file left").isEmpty();
        }
    }

    @Test
    void aDripUnderTheMinimumRateIsCutOffAfterOneWindow() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(50_000)))
                .throttleBody(200, 100, TimeUnit.MILLISECONDS).build());

        VideoApiException.Transient e = failedDownload(api(Duration.ofMinutes(10), 64 * 1024, Duration.ofMillis(700)));

        assertThat(e.code()).isEqualTo("slow_download");
        assertThat(e.getMessage()).contains("under the minimum", "delivery.min-rate");
        assertNothingLeft();
    }

    @Test
    void aHostThatStopsSendingIsCutOffAfterOneWindow() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(50_000)))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());

        VideoApiException.Transient e = failedDownload(api(Duration.ofMinutes(10), 64 * 1024, Duration.ofMillis(700)));

        assertThat(e.code()).isEqualTo("slow_download");
        assertThat(e.getMessage()).contains("no data arrived");
        assertNothingLeft();
    }

    @Test
    void aDownloadFastEnoughButEndlessMeetsTheTotalDeadline() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(2_000_000)))
                .throttleBody(100_000, 100, TimeUnit.MILLISECONDS).build());

        VideoApiException.Transient e = failedDownload(api(Duration.ofSeconds(1), 0, Duration.ofMillis(700)));

        assertThat(e.code()).isEqualTo("download_timeout");
        assertThat(e.getMessage()).contains("delivery.download-timeout");
        assertNothingLeft();
    }

    @Test
    void aDownloadAboveTheMinimumRateIsSaved() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(2_000_000)))
                .throttleBody(100_000, 50, TimeUnit.MILLISECONDS).build());

        VideoDownload result = api(Duration.ofMinutes(1), 64 * 1024, Duration.ofMillis(700))
                .download("task_1", null, 10_000_000, dir.resolve("v.mp4"));

        assertThat(result).as("about 2 MB/s, judged over several windows").isEqualTo(
                new VideoDownload.Saved(dir.resolve("v.mp4"), 2_000_000, null));
    }
}
