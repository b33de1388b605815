package dev.reelbot.app;

import dev.reelbot.core.LiveInstances;
import dev.reelbot.core.job.JobLeases;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's heartbeat among those sharing the database: five beats per lease, each recording it alive and
 * counting the live instances, so the chat platforms' budgets are divided among them ({@link LiveInstances}).
 */
public final class InstanceBeat {
    private static final Logger log = LoggerFactory.getLogger(InstanceBeat.class);

    private InstanceBeat() {
    }

    /** Beats once now, then on {@code scheduler}; nothing when the store is this process's own. */
    public static void start(JobLeases leases, LiveInstances live, ScheduledExecutorService scheduler, Clock clock) {
        if (leases == JobLeases.SOLE) {
            return;
        }
        Runnable beat = () -> {
            try {
                int before = live.count();
                live.set(leases.heartbeat(clock.instant()));
                if (live.count() != before) {
                    log.info("instances sharing the chat platforms' budgets: {} (were {})", live.count(), before);
                }
            } catch (RuntimeException e) {
                log.warn("instance heartbeat failed; keeping the last count ({}): {}", live.count(), e.getMessage());
            }
        };
        beat.run();
        long period = Math.max(100, leases.ttl().toMillis() / 5);
        scheduler.scheduleWithFixedDelay(beat, period, period, TimeUnit.MILLISECONDS);
    }
}
