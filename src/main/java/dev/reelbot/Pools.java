package dev.reelbot;

import dev.reelbot.core.EngineSettings;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The engine's thread pools: the workers every job step runs on, the submitters that send create requests (see
 * {@code Poller}), the downloads (with keeping videos and taking poster frames) and the transcodes (see
 * {@code Offload}, {@code MediaWork}). Closing stops them all, letting steps in flight finish for a while; a
 * download or transcode still running then is cut off (ffmpeg is killed) and done again after the next start.
 */
record Pools(ExecutorService workers, ExecutorService submitters, ExecutorService downloads,
             ExecutorService transcodes, Duration grace) implements AutoCloseable {

    static Pools start(EngineSettings settings, Duration grace) {
        return new Pools(Wiring.pool("worker", settings.workers()),
                Wiring.pool("submitter", settings.submitWorkers()),
                Wiring.pool("download", settings.downloads().workers()),
                Wiring.pool("transcode", settings.media().transcodeWorkers()), grace);
    }

    @Override
    public void close() {
        downloads.shutdown();
        transcodes.shutdown();
        submitters.shutdown();
        workers.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        Wiring.stop(submitters, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        Wiring.stop(workers, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        Wiring.stop(downloads, Duration.ZERO);
        Wiring.stop(transcodes, Duration.ZERO);
    }
}
