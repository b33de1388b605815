package dev.reelbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void namedOrNumberedAndAlwaysDaemons() {
        Thread single = DaemonThreads.named("reelbot-health").newThread(() -> { });
        assertThat(single.getName()).isEqualTo("reelbot-health");
        assertThat(single.isDaemon()).isTrue();
        DaemonThreads pool = DaemonThreads.numbered("reelbot-worker");
        assertThat(pool.newThread(() -> { }).getName()).isEqualTo("reelbot-worker-1");
        Thread second = pool.newThread(() -> { });
        assertThat(second.getName()).isEqualTo("reelbot-worker-2");
        assertThat(second.isDaemon()).isTrue();
    }

    @Test
    void startRunsTheTaskOnADaemonOfItsOwn() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        String[] seen = new String[1];
        Thread thread = DaemonThreads.start("reelbot-console", () -> {
            seen[0] = Thread.currentThread().getName();
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen[0]).isEqualTo("reelbot-console");
        assertThat(thread.isDaemon()).isTrue();
    }
}
