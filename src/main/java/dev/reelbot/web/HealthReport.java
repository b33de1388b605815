package dev.reelbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.DaemonThreads;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's health, component by component, for three probes: {@code /livez} (only what proves the process
 * alive: a failure there means restart it), {@code /readyz} (also what serving users needs: store, video API,
 * platforms; a failure means send no traffic, never restart) and {@code /healthz} (every component with its detail,
 * for people). Each answers 503 when a component it depends on is DOWN, else 200; the body carries the worst
 * status (UP, DEGRADED: working with trouble an operator should see, DOWN) and each component's. A component's
 * change of state is logged once, with the reason, whether or not anyone is asking.
 *
 * <p>Threading: checks run on the server's request threads and the watch thread; the change log is synchronized.
 */
public final class HealthReport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthReport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which probes depend on a component. */
    public enum Scope {
        /** The process itself (the scheduler ticks): {@code /livez}, {@code /readyz} and {@code /healthz}. */
        LIVENESS,
        /** Needed to serve users (store, video API, platforms): {@code /readyz} and {@code /healthz}. */
        READINESS,
        /** For operators to see in {@code /healthz}; no probe fails because of it. */
        REPORTED
    }

    /** The probes, from the narrowest. */
    public enum Probe { LIVE, READY, DETAILED }

    private record Component(Scope scope, Supplier<Health> check) {
    }

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, Health.Status> lastStatus = new HashMap<>();
    private ScheduledExecutorService watcher;

    /** A component {@code /readyz} depends on. */
    public HealthReport add(String name, Supplier<Health> check) {
        return add(name, Scope.READINESS, check);
    }

    public HealthReport add(String name, Scope scope, Supplier<Health> check) {
        components.put(name, new Component(scope, check));
        return this;
    }

    /** The status code and JSON body of a health check now. */
    public record Result(int status, String body) {
    }

    /** {@code /healthz}: every component. */
    public Result check() {
        return check(Probe.DETAILED);
    }

    public Result check(Probe probe) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode parts = JSON.createObjectNode();
        Health.Status worst = Health.Status.UP;
        for (Map.Entry<String, Component> entry : components.entrySet()) {
            Scope scope = entry.getValue().scope();
            if (probe != Probe.DETAILED && !counts(probe, scope)) {
                continue;
            }
            Health health = safely(entry.getKey(), entry.getValue().check());
            // A component no probe depends on can make the report DEGRADED, never DOWN.
            Health.Status weight = health.up() || counts(probe, scope) ? health.status() : Health.Status.DEGRADED;
            worst = weight.compareTo(worst) > 0 ? weight : worst;
            noteChange(entry.getKey(), health);
            parts.putObject(entry.getKey()).put("status", health.status().name()).put("detail", health.detail());
        }
        body.put("status", worst.name());
        body.set("components", parts);
        return new Result(worst == Health.Status.DOWN ? 503 : 200, body.toString());
    }

    private static boolean counts(Probe probe, Scope scope) {
        return switch (scope) {
            case LIVENESS -> true;
            case READINESS -> probe != Probe.LIVE;
            case REPORTED -> false;
        };
    }

    /** Checks every component every {@code every} on a thread of its own, so changes are logged unasked. */
    public synchronized void watch(Duration every) {
        watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reelbot-health"));
        watcher.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** Logs a component whose status changed (its first status too, unless that is UP). */
    private synchronized void noteChange(String name, Health health) {
        Health.Status now = health.status();
        Health.Status before = lastStatus.put(name, now);
        if (before == now || before == null && now == Health.Status.UP) {
            return;
        }
        String was = before == null ? "" : " (was " + before + ")";
        (now == Health.Status.UP ? log.atInfo() : log.atWarn()).addKeyValue("component", name)
                .addKeyValue("status", now.name()).log("health: {} is {}{}: {}", name, now, was, health.detail());
    }

    private static Health safely(String name, Supplier<Health> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            log.warn("health check of {} failed", name, e);
            return Health.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
