package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.TestJobs;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cap on calls in flight: status checks wait for a permit; a create never does. */
class LimitedVideoApiTest {
    private final CountDownLatch inGet = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger gets = new AtomicInteger();

    /** An API whose status calls block until the test releases them. */
    private final VideoApi slow = new VideoApi() {
        @Override
        public TaskStatus create(VideoRequest request) {
            return TestJobs.status(TaskPhase.QUEUED, 0);
        }

        @Override
        public TaskStatus get(String taskId) {
            gets.incrementAndGet();
            inGet.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestJobs.status(TaskPhase.RUNNING, 50);
        }

        @Override
        public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void statusCallsWaitForAPermitButCreatesDoNot() throws Exception {
        LimitedVideoApi api = new LimitedVideoApi(slow, 1);
        CompletableFuture<TaskStatus> first = CompletableFuture.supplyAsync(() -> get(api));
        assertThat(inGet.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<TaskStatus> second = CompletableFuture.supplyAsync(() -> get(api));

        TaskStatus created = api.create(VideoRequest.builder("a cat", "sora-2").build());
        assertThat(created.phase()).as("a create goes out while the only permit is held").isEqualTo(TaskPhase.QUEUED);
        assertThat(second).as("the second status call waits for the permit").isNotDone();
        assertThat(gets).hasValue(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).progress()).isEqualTo(50);
        assertThat(second.get(10, TimeUnit.SECONDS).progress()).isEqualTo(50);
        assertThat(gets).hasValue(2);
    }

    private static TaskStatus get(VideoApi api) {
        try {
            return api.get("task_1");
        } catch (VideoApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
