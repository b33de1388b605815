package dev.reelbot.simulator;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-key concurrency limit, as gateways enforce one: a create while the key already has {@code max} jobs queued
 * or running is answered 429, in one of the gateway's shapes in turn (its OpenAI-style error in Chinese with a
 * {@code Retry-After}, the same in English without one, and the task routes' shape in Chinese with one), so clients
 * meet every variant.
 *
 * <p>Threading: {@link #full} must be called under the lock that also guards adding the job it admits.
 */
final class KeyLimit {
    private final int max;
    private final AtomicInteger refusals = new AtomicInteger();

    /** @param max jobs queued or running at once, 0 for no limit */
    KeyLimit(int max) {
        this.max = max;
    }

    /** Whether the key has no room for another job now. */
    boolean full(Collection<SimJob> jobs, Instant now) {
        if (max == 0) {
            return false;
        }
        long running = jobs.stream().map(job -> job.at(now).phase())
                .filter(phase -> phase == SimJob.Phase.QUEUED || phase == SimJob.Phase.RUNNING).count();
        return running >= max;
    }

    /** Answers the create with the gateway's 429; returns the status sent. */
    int refuse(Context ctx) {
        int variant = refusals.getAndIncrement() % 3;
        String body = switch (variant) {
            case 0 -> SimJson.openAiError("当前分组上游负载已饱和，请稍后再试", "new_api_error", "rate_limit_exceeded");
            case 1 -> SimJson.openAiError("Concurrency limit reached: " + max + " tasks in progress for this key",
                    "rate_limit_error", "concurrency_limit_exceeded");
            default -> SimJson.taskError("too_many_requests", "当前并发任务数已达上限（" + max + "），请稍后再试");
        };
        if (variant != 1) {
            ctx.header("Retry-After", variant == 0 ? "1" : "2");
        }
        ctx.status(429).contentType("application/json").result(body);
        return 429;
    }
}
