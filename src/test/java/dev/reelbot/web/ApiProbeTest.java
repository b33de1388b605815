package dev.reelbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The video API's health check against an API that hangs: one check at a time, on its own thread, bounded. */
class ApiProbeTest {
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final CountDownLatch answer = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();

    /** An API whose status polls hang until the test lets them answer "task does not exist". */
    private final VideoApi hanging = new VideoApi() {
        @Override
        public TaskStatus create(VideoRequest request) {
            throw new UnsupportedOperationException("the probe never creates");
        }

        @Override
        public TaskStatus get(String taskId) throws VideoApiException {
            calls.incrementAndGet();
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new VideoApiException.Rejected("task does not exist", 400, "task_not_exist");
        }

        @Override
        public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) {
            throw new UnsupportedOperationException("the probe never downloads");
        }
    };

    @Test
    void aHangingApiGetsOneCheckAtATimeAndIsDownAfterTheTimeout() {
        try (ApiProbe probe = new ApiProbe(hanging, clock)) {
            for (int i = 0; i < 5; i++) {
                probe.checkSoon();
                clock.advance(Duration.ofSeconds(30));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 1);
            assertThat(calls).as("single flight: no check piles up behind a hanging one").hasValue(1);
            assertThat(probe.get().status()).isEqualTo(Health.Status.DOWN);
            assertThat(probe.get().detail()).contains("no answer to the health check");

            answer.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.get().status() == Health.Status.UP);
            probe.checkSoon();
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 2);
        }
    }
}
