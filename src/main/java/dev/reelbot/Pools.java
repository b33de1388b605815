package dev.reelbot;

import dev.reelbot.core.engine.EngineSettings;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The engine's thread pools: the workers every job step runs on, the submitters that send create requests (see
 * {@code Poller}), and the downloads (see {@code Deliverer}). Closing stops them all, letting steps in flight finish
 * for a while; a download still running then is cut off and done again after the next start.
 */
record Pools(ExecutorService workers, ExecutorService submitters, ExecutorService downloads, Duration grace)
        implements AutoCloseable {

    static Pools start(EngineSettings settings, Duration grace) {
        return new Pools(Wiring.pool("worker", settings.workers()),
                Wiring.pool("submitter", settings.submitWorkers()),
                Wiring.pool("download", settings.downloads().workers()), grace);
    }

    @Override
    public void close() {
        downloads.shutdown();
        submitters.shutdown();
        workers.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        Wiring.stop(submitters, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        Wiring.stop(workers, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        Wiring.stop(downloads, Duration.ZERO);
    }
}
