package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.testing.FakeGateway;
import dev.reelbot.testing.TestVideos;
import dev.reelbot.videoapi.TestApis;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One slow host cannot freeze everyone: eight jobs whose result links drip one byte a second, and two ordinary jobs
 * sent after them. The downloads run on their own pool (four threads, as by default), apart from the steps, and
 * one host gets at most half of it; the ordinary jobs are polled and delivered at their usual pace while every
 * drip is still dripping.
 */
class SlowDownloadsTest {
    private static final int DRIPS = 8;

    @TempDir
    Path dir;
    FakeGateway gateway;
    MockWebServer slowHost;
    ExecutorService downloads;
    EngineSettings settings;
    EngineHarness h;

    @BeforeEach
    void start() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        gateway = new FakeGateway(loopback);
        slowHost = new MockWebServer();
        slowHost.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "video/mp4")
                        .body(new Buffer().write(TestVideos.mp4(100_000))).throttleBody(1, 1, TimeUnit.SECONDS)
                        .build();
            }
        });
        slowHost.start(loopback, 0);
        settings = EngineSettings.defaults(dir.resolve("videos"));
        downloads = Executors.newFixedThreadPool(settings.downloads().workers());
        h = EngineHarness.onApi(dir, settings, EngineHarness.DEFAULT_MODELS,
                clock -> TestApis.withDownloads(gateway.baseUrl() + "/v1", EngineHarness.DEFAULT_MODELS, clock,
                        settings.downloads(), Duration.ofSeconds(10)), downloads);
        gateway.script("[drip]", new FakeGateway.Script(slowHost.url("/video.mp4").toString(), null));
    }

    @AfterEach
    void stop() {
        slowHost.close();
        downloads.shutdownNow();
        h.close();
        gateway.close();
    }

    @Test
    void eightDrippingDownloadsHoldUpNoOtherJob() {
        List<String> drips = new ArrayList<>();
        for (int i = 0; i < DRIPS; i++) {
            drips.add(h.command("slow host " + i + " [drip]").jobId());
        }
        advanceUntil(() -> drips.stream().allMatch(id -> h.job(id).state() == JobState.COMPLETED));
        await().atMost(Duration.ofSeconds(5)).until(() -> slowHost.getRequestCount() >= 2);

        String one = h.command("an ordinary video").jobId();
        String two = h.command("another ordinary video").jobId();
        advanceUntil(() -> h.job(one).state() == JobState.COMPLETED && h.job(two).state() == JobState.COMPLETED);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            h.tick();
            return h.job(one).delivery().state() == DeliveryState.UPLOADED
                    && h.job(two).delivery().state() == DeliveryState.UPLOADED;
        });

        for (String id : List.of(one, two)) {
            assertThat(gateway.polls(h.job(id).task().taskId())).as("polled to its end")
                    .isEqualTo(FakeGateway.POLLS_TO_FINISH);
        }
        for (String id : drips) {
            Job drip = h.job(id);
            assertThat(drip.delivery().state()).as("still dripping").isEqualTo(DeliveryState.PENDING);
            assertThat(drip.delivery().attempts()).isZero();
        }
        assertThat(slowHost.getRequestCount()).as("one slow host holds at most half the download threads")
                .isEqualTo(settings.downloads().workers() / 2);
    }

    /** Moves the clock a second at a time, ticking, until {@code done}: polls come at their usual pace. */
    private void advanceUntil(BooleanSupplier done) {
        for (int second = 0; second < 60 && !done.getAsBoolean(); second++) {
            h.clock.advance(Duration.ofSeconds(1));
            h.tick();
        }
        assertThat(done.getAsBoolean()).as("reached within a minute of polling").isTrue();
    }
}
