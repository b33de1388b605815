package dev.reelbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The components {@code GET /healthz} reports, each required: the answer is 503 when any is down, else 200, with
 * the worst status (UP, DEGRADED, DOWN) and every component's status and detail in the body.
 */
public final class HealthReport {
    private static final Logger log = LoggerFactory.getLogger(HealthReport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Supplier<Health>> components = new LinkedHashMap<>();

    public HealthReport add(String name, Supplier<Health> check) {
        components.put(name, check);
        return this;
    }

    /** The status code and JSON body of a health check now. */
    public record Result(int status, String body) {
    }

    public Result check() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode parts = JSON.createObjectNode();
        Health.Status worst = Health.Status.UP;
        for (Map.Entry<String, Supplier<Health>> component : components.entrySet()) {
            Health health = safely(component.getKey(), component.getValue());
            worst = health.status().compareTo(worst) > 0 ? health.status() : worst;
            parts.putObject(component.getKey()).put("status", health.status().name())
                    .put("detail", health.detail());
        }
        body.put("status", worst.name());
        body.set("components", parts);
        return new Result(worst == Health.Status.DOWN ? 503 : 200, body.toString());
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
