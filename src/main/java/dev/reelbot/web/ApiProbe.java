package dev.reelbot.web;

import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Whether the video API can be reached with the bot's key, checked in the background every half minute (a status
 * poll of a task id that cannot exist: "task does not exist" means reachable and authorised) and cached, so
 * health checks never hammer the API. One check at a time, on a thread of its own: an API that hangs holds that
 * thread only, never the workers jobs need, and a check without an answer for {@link #TIMEOUT} counts as down.
 *
 * <p>Threading: the scheduler starts checks, the probe's thread runs them, health checks read the result.
 */
public final class ApiProbe implements Supplier<Health>, AutoCloseable {
    static final String PROBE_TASK = "reelbot-health-probe";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofSeconds(30);

    private final VideoApi api;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("reelbot-api-probe"));
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Instant checkStarted;
    private volatile Health last = Health.down("not checked yet");

    public ApiProbe(VideoApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Checks now, then every 30 seconds. */
    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::checkSoon, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a check on the probe's thread, unless the last one is still waiting for its answer. */
    void checkSoon() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        checkStarted = clock.instant();
        try {
            thread.execute(() -> {
                try {
                    check();
                } finally {
                    checking.set(false);
                }
            });
        } catch (RejectedExecutionException closed) {
            checking.set(false);
        }
    }

    private void check() {
        try {
            api.get(PROBE_TASK);
            last = Health.up("reachable");
        } catch (VideoApiException.Rejected e) {
            last = e.credentialsRefused() ? Health.down("the API refused the key (HTTP 401)")
                    : Health.up("reachable");
        } catch (VideoApiException e) {
            last = Health.down(e.getMessage());
        }
    }

    @Override
    public Health get() {
        Instant started = checkStarted;
        if (checking.get() && started != null && clock.instant().isAfter(started.plus(TIMEOUT))) {
            return Health.down("no answer to the health check for over " + TIMEOUT.toSeconds() + " s");
        }
        return last;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
