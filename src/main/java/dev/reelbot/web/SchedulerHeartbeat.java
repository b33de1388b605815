package dev.reelbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Liveness: a beat scheduled on the bot's one shared scheduler, the thread every job step is started from. While
 * beats arrive the process is alive; when none has come for a while the scheduler is stuck or dead and only a
 * restart helps. It never depends on the video API or a chat platform, so their outages never restart the bot.
 *
 * <p>Threading: beats run on the scheduler, checks on any thread; the last beat is volatile.
 */
public final class SchedulerHeartbeat implements Supplier<Health> {
    static final Duration EVERY = Duration.ofSeconds(5);

    private final Clock clock;
    private final Duration maxSilence;
    private volatile Instant lastBeat;

    /** @param maxSilence how long without a beat means stuck (several beats: a busy scheduler is not a dead one) */
    public SchedulerHeartbeat(Clock clock, Duration maxSilence) {
        this.clock = clock;
        this.maxSilence = maxSilence;
        this.lastBeat = clock.instant();
    }

    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::beat, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void beat() {
        lastBeat = clock.instant();
    }

    @Override
    public Health get() {
        long silent = Duration.between(lastBeat, clock.instant()).toSeconds();
        return silent <= maxSilence.toSeconds() ? Health.up("ticking (last beat " + silent + " s ago)")
                : Health.down("the scheduler has not ticked for " + silent + " s");
    }
}
