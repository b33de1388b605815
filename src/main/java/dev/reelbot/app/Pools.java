package dev.reelbot.app;

import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.engine.EngineSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's thread pools: the workers every job step runs on, the submitters that send create requests (see
 * {@code Poller}), the downloads (with keeping videos and taking poster frames) and the transcodes (see
 * {@code Deliverer}). Closing stops them all, letting steps in flight finish for a while; a download or transcode
 * still running then is cut off (ffmpeg is killed) and done again after the next start.
 *
 * <p>The submitters are many ({@code poller.submit-workers}, 128 by default) because a gateway may take a second or
 * two to answer a create: each of them waits on one create, so a burst of commands is sent within seconds rather
 * than queued behind a few slow answers; they exist only while creates are in flight.
 */
public record Pools(ExecutorService workers, ExecutorService submitters, ExecutorService downloads,
                    ExecutorService transcodes, Duration grace) implements AutoCloseable {
    /** How long an elastic pool's thread waits for work before it ends. */
    private static final Duration IDLE = Duration.ofSeconds(30);

    public static Pools start(EngineSettings settings, Duration grace) {
        return new Pools(pool("worker", settings.workers()), elastic("submitter", settings.submitWorkers()),
                pool("download", settings.downloads().workers()),
                pool("transcode", settings.media().transcodeWorkers()), grace);
    }

    /** The engine of {@code parts}, stepping its jobs on these pools. */
    public Engine engine(Engine.Parts parts) {
        return new Engine(parts, workers, submitters, downloads, transcodes, Clock.systemUTC());
    }

    /** A fixed number of named daemon threads. */
    private static ExecutorService pool(String name, int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.numbered("reelbot-" + name));
    }

    /** Up to {@code threads} named daemon threads, started as work comes and ended after a while idle. */
    private static ExecutorService elastic(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("reelbot-" + name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public void close() {
        downloads.shutdown();
        transcodes.shutdown();
        submitters.shutdown();
        workers.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        stop(submitters, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        stop(workers, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        stop(downloads, Duration.ZERO);
        stop(transcodes, Duration.ZERO);
    }

    /** Stops a pool, letting steps in flight finish for a while. */
    private static void stop(ExecutorService pool, Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
