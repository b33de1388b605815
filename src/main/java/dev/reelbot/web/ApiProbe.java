package dev.reelbot.web;

import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Whether the video API can be reached with the bot's key, checked in the background every half minute (a status
 * poll of a task id that cannot exist: "task does not exist" means reachable and authorised) and cached, so
 * health checks never hammer the API.
 */
public final class ApiProbe implements Supplier<Health> {
    static final String PROBE_TASK = "reelbot-health-probe";
    private static final Duration EVERY = Duration.ofSeconds(30);

    private final VideoApi api;
    private volatile Health last = Health.down("not checked yet");

    public ApiProbe(VideoApi api) {
        this.api = api;
    }

    /** Checks now on {@code executor}, then every 30 seconds. */
    public void start(ScheduledExecutorService scheduler, Executor executor) {
        scheduler.scheduleWithFixedDelay(() -> executor.execute(this::check), 0, EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void check() {
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
        return last;
    }
}
