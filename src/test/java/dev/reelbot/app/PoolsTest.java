package dev.reelbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.engine.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The submitters: as many slow creates in flight at once as {@code poller.submit-workers} says, no thread idle. */
class PoolsTest {

    @Test
    void asManyCreatesAsTheSubmitWorkersAreInFlightAtOnce() throws InterruptedException {
        EngineSettings settings = EngineSettings.defaults(Path.of("videos"));
        int bound = settings.submitWorkers();
        assertThat(bound).as("a burst to a gateway answering creates in 1.5 s is sent within seconds")
                .isGreaterThanOrEqualTo(100);
        try (Pools pools = Pools.start(settings, Duration.ZERO)) {
            ThreadPoolExecutor submitters = (ThreadPoolExecutor) pools.submitters();
            assertThat(submitters.getPoolSize()).as("no thread before a create comes").isZero();
            CountDownLatch started = new CountDownLatch(bound);
            CountDownLatch answered = new CountDownLatch(1);
            for (int i = 0; i < bound + 1; i++) {
                submitters.execute(() -> {
                    started.countDown();
                    try {
                        answered.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }

            assertThat(started.await(10, TimeUnit.SECONDS)).as("every slow create sent at once").isTrue();
            assertThat(submitters.getQueue()).as("one more waits: the bound holds").hasSize(1);
            answered.countDown();
        }
    }
}
