package dev.reelbot.simulator;

import java.time.Duration;

/**
 * Faults the simulator injects into every job, not just marked ones, for chaos tests and the benchmark.
 *
 * @param errorRate      share of requests answered 500, 502 or 503
 * @param burstRate      share of requests that start a burst of 429s (with {@code Retry-After: 1})
 * @param burstLength    how many requests in a row a burst refuses
 * @param stallRate      share of requests held back for {@code stall} before they are answered (an API that hangs)
 * @param stall          how long a stalled request waits
 * @param loseRate       share of jobs that vanish part way ({@code task_not_exist})
 * @param hangCreateRate share of creates whose answer is held back past any client timeout ({@code [hang]})
 */
public record Chaos(double errorRate, double burstRate, int burstLength, double stallRate, Duration stall,
                    double loseRate, double hangCreateRate) {

    public static final Chaos NONE = new Chaos(0, 0, 0, 0, Duration.ZERO, 0, 0);

    public Chaos {
        for (double rate : new double[] {errorRate, burstRate, stallRate, loseRate, hangCreateRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("chaos rates must be within 0..1");
            }
        }
        if (burstLength < 0 || stall.isNegative()) {
            throw new IllegalArgumentException("burst length and stall must not be negative");
        }
    }

    /** What the benchmark's {@code --chaos} and the chaos tests use: 20% 5xx, 429 bursts, losses, hangs. */
    public static Chaos standard(Duration stall) {
        return new Chaos(0.2, 0.02, 5, 0.02, stall, 0.05, 0.03);
    }

    boolean isNone() {
        return equals(NONE);
    }
}
