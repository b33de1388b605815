package dev.reelbot.simulator;

import java.time.Duration;

/**
 * How simulated jobs move in time beyond their length, to look like a production gateway: the shape of their
 * progress, how much each job's length varies, and how long a create takes to answer (a gateway forwards it
 * upstream before it answers).
 *
 * @param progress       the shape of every job's progress
 * @param durationJitter each job's length varies evenly within this share of the nominal length, either way
 *                       (0.3: from 70% to 130%); 0 for exact lengths
 * @param createLatency  how long the answer to a create takes; the job starts when the request arrives
 */
public record Timing(ProgressShape progress, double durationJitter, Duration createLatency) {

    /** Linear progress, exact lengths, instant creates. */
    public static final Timing STEADY = new Timing(ProgressShape.LINEAR, 0, Duration.ZERO);

    public Timing {
        if (durationJitter < 0 || durationJitter > 0.9) {
            throw new IllegalArgumentException("duration jitter must be within 0..0.9, not " + durationJitter);
        }
        if (createLatency.isNegative()) {
            throw new IllegalArgumentException("create latency must not be negative");
        }
    }
}
