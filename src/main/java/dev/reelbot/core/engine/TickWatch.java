package dev.reelbot.core.engine;

import dev.reelbot.core.text.HumanFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the poller's tick on the shared scheduler, and watches when ticks last completed: a scheduler that is stuck
 * or dead moves no job at all, and {@code /healthz} must say so rather than look healthy.
 *
 * <p>Threading: the tick's completion is written by the scheduler's thread and read by health checks (one volatile
 * field); start and stop synchronize.
 */
final class TickWatch {
    static final Duration STALLED_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(TickWatch.class);

    private volatile Instant last;
    private ScheduledFuture<?> ticking;

    /**
     * Starts running {@code tick} every {@code every} on the scheduler, unless it runs already. Whatever a tick
     * throws, an {@code Error} included, is logged and ticking goes on: an exception escaping a fixed-delay task
     * would cancel it, and every job would silently stop.
     */
    synchronized void start(ScheduledExecutorService scheduler, Duration every, Runnable tick, Clock clock) {
        if (ticking != null) {
            return;
        }
        completed(clock.instant());
        ticking = scheduler.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
                completed(clock.instant());
            } catch (RuntimeException | Error e) {
                log.error("poller tick failed; the next tick will try again", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops ticking; steps in flight finish on their own. */
    synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    void completed(Instant now) {
        last = now;
    }

    /** Empty while ticks complete (or before any was scheduled); else how long none has. */
    Optional<String> stall(Instant now) {
        Instant at = last;
        if (at == null || !at.plus(STALLED_AFTER).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of("no scheduler tick has completed since " + HumanFormat.when(at) + " ("
                + HumanFormat.duration(Duration.between(at, now)) + "); jobs are not moving");
    }
}
