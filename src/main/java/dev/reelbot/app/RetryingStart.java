package dev.reelbot.app;

import dev.reelbot.core.Backoff;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a platform connection, and when it fails retries it with exponential backoff, so one platform that
 * cannot connect never takes the others down. Attempts run on the worker pool (a connection attempt may block for
 * a while); only the waits between them use the shared scheduler.
 */
final class RetryingStart {
    private static final Logger log = LoggerFactory.getLogger(RetryingStart.class);
    /** 2 s after the first failure, doubling up to 5 minutes. */
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    /** A start that may fail. */
    @FunctionalInterface
    interface Start {
        void run() throws Exception;
    }

    private final String name;
    private final Start start;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private volatile boolean stopped;
    private volatile String lastError = "not started yet";

    RetryingStart(String name, Start start, ScheduledExecutorService scheduler, Executor executor) {
        this.name = name;
        this.start = start;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /** Tries now and keeps trying until it works or {@link #stop()} is called. */
    void begin() {
        executor.execute(() -> attempt(0));
    }

    /** @param failures how many attempts failed so far */
    private void attempt(int failures) {
        if (stopped) {
            return;
        }
        try {
            start.run();
            lastError = null;
            log.info("{}: connected", name);
        } catch (Exception e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            Duration wait = RETRIES.after(failures);
            log.error("{}: could not connect ({}); retrying in {} s", name, lastError, wait.toSeconds());
            scheduler.schedule(() -> executor.execute(() -> attempt(failures + 1)), wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Why the last attempt failed, or {@code null} when connected. */
    String lastError() {
        return lastError;
    }

    String name() {
        return name;
    }

    void stop() {
        stopped = true;
    }
}
