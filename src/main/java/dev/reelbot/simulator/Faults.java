package dev.reelbot.simulator;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Injects {@link Chaos} into the simulator: decides, per request, whether to stall it, refuse it with a 429 (in
 * bursts) or fail it with a 5xx, and per job whether it will be lost or its create answer held back.
 *
 * <p>Threading: one lock guards the random source and the burst counter; stalls sleep outside it.
 */
final class Faults {
    private final Chaos chaos;
    private final SplittableRandom random;
    private int burstLeft;

    Faults(Chaos chaos, long seed) {
        this.chaos = chaos;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Applies the request faults; returns true when the request was answered here (the route must not run). */
    boolean intercept(Context ctx) {
        if (chaos.isNone()) {
            return false;
        }
        boolean stall;
        int fault;
        synchronized (this) {
            stall = random.nextDouble() < chaos.stallRate();
            if (burstLeft > 0) {
                burstLeft--;
                fault = 429;
            } else if (random.nextDouble() < chaos.burstRate()) {
                burstLeft = Math.max(0, chaos.burstLength() - 1);
                fault = 429;
            } else if (random.nextDouble() < chaos.errorRate()) {
                fault = new int[] {500, 502, 503}[random.nextInt(3)];
            } else {
                fault = 0;
            }
        }
        if (stall) {
            sleep();
        }
        if (fault == 0) {
            return false;
        }
        if (fault == 429) {
            ctx.header("Retry-After", "1");
            ctx.status(429).contentType("application/json").result(SimJson.openAiError("too many requests",
                    "new_api_error", "rate_limit_exceeded"));
        } else {
            ctx.status(fault).contentType("application/json").result(SimJson.openAiError("upstream error",
                    "new_api_error", "upstream_error"));
        }
        return true;
    }

    /** The behaviours chaos adds to a new job. */
    synchronized Set<Behaviour> forNewJob() {
        Set<Behaviour> added = EnumSet.noneOf(Behaviour.class);
        if (random.nextDouble() < chaos.loseRate()) {
            added.add(Behaviour.LOST);
        }
        if (random.nextDouble() < chaos.hangCreateRate()) {
            added.add(Behaviour.HANG);
        }
        return added;
    }

    private void sleep() {
        try {
            Thread.sleep(chaos.stall().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
