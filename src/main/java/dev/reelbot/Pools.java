package dev.reelbot;

import dev.reelbot.core.EngineSettings;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The engine's two thread pools: the workers every job step runs on, and the submitters that send create requests
 * (see {@code Poller}). Closing stops both, letting steps in flight finish for a while.
 */
record Pools(ExecutorService workers, ExecutorService submitters, Duration grace) implements AutoCloseable {

    static Pools start(EngineSettings settings, Duration grace) {
        return new Pools(Wiring.pool("worker", settings.workers()),
                Wiring.pool("submitter", settings.submitWorkers()), grace);
    }

    @Override
    public void close() {
        submitters.shutdown();
        workers.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        Wiring.stop(submitters, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        Wiring.stop(workers, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
}
