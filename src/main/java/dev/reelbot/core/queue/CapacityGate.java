package dev.reelbot.core.queue;

import dev.reelbot.core.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How many jobs may be in flight at the video API now, learned from its refusals. The configured limit
 * ({@code video-api.max-in-flight}) is never exceeded. When the API turns a create away as busy, nothing more is sent
 * before its {@code Retry-After}, and the jobs in flight then become the learned limit: a slot that frees lets the
 * next job go at once, while sending above the limit waits a backoff (doubling with each refusal in a row, spread
 * by jitter) and then probes one job at a time, each one accepted raising the limit by one. So a saturated key
 * sees a handful of refused creates, not one per waiting job per second.
 *
 * <p>Threading: synchronized; the queue's pass and the steps that send report here.
 */
final class CapacityGate {
    /** After a refusal, how long before sending above the learned limit again: 1 s doubling up to 5 minutes. */
    static final Backoff PROBES = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    private static final double JITTER = 0.2;

    private final int maxInFlight;
    private final DoubleSupplier random;
    private Integer learned;
    private int refusals;
    private Instant holdUntil = Instant.EPOCH;
    private Instant probeAfter = Instant.EPOCH;

    /** @param maxInFlight the configured limit, or {@link Integer#MAX_VALUE} for none */
    CapacityGate(int maxInFlight, DoubleSupplier random) {
        this.maxInFlight = maxInFlight;
        this.random = random;
    }

    /** The most jobs that may be in flight now: the configured limit, or the learned one when it is lower. */
    synchronized int limit() {
        return learned == null ? maxInFlight : Math.min(maxInFlight, learned);
    }

    /**
     * Whether one job may be sent above the learned limit now, to find out whether more fit: the backoff since the
     * last refusal has passed, and the configured limit leaves room.
     */
    synchronized boolean mayProbe(Instant now) {
        return learned != null && learned < maxInFlight && !now.isBefore(probeAfter) && !now.isBefore(holdUntil);
    }

    /** Whether nothing limits the jobs in flight across users now: no limit configured or learned, no wait asked. */
    synchronized boolean unlimited(Instant now) {
        return maxInFlight == Integer.MAX_VALUE && learned == null && !now.isBefore(holdUntil);
    }

    /** Whether nothing may be sent now: the API asked to wait. */
    synchronized boolean holding(Instant now) {
        return now.isBefore(holdUntil);
    }

    /** When sending may resume, or, once it may, when sending above the learned limit may: the next pass's time. */
    synchronized Optional<Instant> nextChange(Instant now) {
        if (now.isBefore(holdUntil)) {
            return Optional.of(holdUntil);
        }
        return learned != null && now.isBefore(probeAfter) ? Optional.of(probeAfter) : Optional.empty();
    }

    synchronized Instant holdUntil() {
        return holdUntil;
    }

    /**
     * The API turned a create away: hold for its {@code Retry-After} (when it said), learn the limit from the
     * {@code others} jobs then in flight, and back off before probing above it.
     */
    synchronized void refused(Instant now, int others, Optional<Duration> retryAfter) {
        learned = Math.max(1, others);
        // The API's wait is honoured in full, then spread a little later (never earlier), so clients it turned away
        // together do not all come back at the same instant.
        Duration hold = retryAfter.map(wait -> Duration.ofMillis(Math.round(wait.toMillis()
                * (1 + JITTER / 2 * random.getAsDouble())))).orElse(Duration.ZERO);
        Duration backoff = PROBES.after(refusals++, JITTER, random.getAsDouble());
        holdUntil = latest(holdUntil, now.plus(hold));
        probeAfter = latest(probeAfter, now.plus(max(backoff, hold)));
    }

    /** The API took a create with {@code inFlight} jobs in flight (this one included): that many fit. */
    synchronized void accepted(int inFlight) {
        refusals = 0;
        if (learned != null && inFlight > learned) {
            learned = inFlight;
        }
    }

    /** The learned limit, if the API has refused since start-up; for logs and tests. */
    synchronized Optional<Integer> learned() {
        return Optional.ofNullable(learned);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
