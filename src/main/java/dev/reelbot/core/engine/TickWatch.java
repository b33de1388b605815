package dev.reelbot.core.engine;

import dev.reelbot.core.text.HumanFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the scheduler's ticks last completed: a scheduler that is stuck or dead moves no job at all, and
 * {@code /healthz} must say so rather than look healthy.
 *
 * <p>Threading: written by the scheduler's thread, read by health checks; one volatile field.
 */
final class TickWatch {
    static final Duration STALLED_AFTER = Duration.ofSeconds(30);

    private volatile Instant last;

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
