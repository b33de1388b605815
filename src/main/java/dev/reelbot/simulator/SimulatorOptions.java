package dev.reelbot.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator instance behaves.
 *
 * @param host         the address to bind, normally {@code 127.0.0.1}
 * @param port         the port, 0 for any free one
 * @param apiKey       the Bearer key it accepts
 * @param clock        drives job progress; tests pass a clock they advance
 * @param jobDuration  how long a default job takes
 * @param slowDuration how long a {@code [slow]} job takes
 * @param dialect      how job objects are worded
 * @param flakyRate    the share of a {@code [flaky]} job's GETs that fail (0..1)
 * @param seed         seeds the flaky failures, for repeatable runs
 * @param hangDuration how long the answer to a {@code [hang]} create is held back
 * @param chaos        faults injected into every job
 * @param maxConcurrent jobs the key may have queued or running at once (a create beyond it gets the gateway's
 *                      429); 0 for no limit
 */
public record SimulatorOptions(
        String host,
        int port,
        String apiKey,
        Clock clock,
        Duration jobDuration,
        Duration slowDuration,
        Dialect dialect,
        double flakyRate,
        long seed,
        Duration hangDuration,
        Chaos chaos,
        int maxConcurrent) {

    public static final String DEFAULT_KEY = "sim-key";

    public SimulatorOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the simulator needs a key");
        }
        if (jobDuration.isNegative() || jobDuration.isZero() || slowDuration.compareTo(jobDuration) < 0) {
            throw new IllegalArgumentException("durations must be positive, slow at least as long as default");
        }
        if (flakyRate < 0 || flakyRate > 1) {
            throw new IllegalArgumentException("flaky rate must be within 0..1");
        }
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("max concurrent must not be negative");
        }
    }

    /** A simulator on a free loopback port: jobs take about 10 s, {@code [slow]} ones 3 minutes. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, DEFAULT_KEY, Clock.systemUTC(), Duration.ofSeconds(10),
                Duration.ofMinutes(3), Dialect.GATEWAY, 0.4, System.nanoTime(), Duration.ofMinutes(2), Chaos.NONE, 0);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(host, newPort, apiKey, clock, jobDuration, slowDuration, dialect, flakyRate, seed,
                hangDuration, chaos, maxConcurrent);
    }

    public SimulatorOptions withKey(String newKey) {
        return new SimulatorOptions(host, port, newKey, clock, jobDuration, slowDuration, dialect, flakyRate, seed,
                hangDuration, chaos, maxConcurrent);
    }

    public SimulatorOptions withClock(Clock newClock) {
        return new SimulatorOptions(host, port, apiKey, newClock, jobDuration, slowDuration, dialect, flakyRate, seed,
                hangDuration, chaos, maxConcurrent);
    }

    public SimulatorOptions withDialect(Dialect newDialect) {
        return new SimulatorOptions(host, port, apiKey, clock, jobDuration, slowDuration, newDialect, flakyRate, seed,
                hangDuration, chaos, maxConcurrent);
    }

    public SimulatorOptions withDurations(Duration job, Duration slow) {
        return new SimulatorOptions(host, port, apiKey, clock, job, slow, dialect, flakyRate, seed, hangDuration,
                chaos, maxConcurrent);
    }

    public SimulatorOptions withFlakiness(double rate, long newSeed) {
        return new SimulatorOptions(host, port, apiKey, clock, jobDuration, slowDuration, dialect, rate, newSeed,
                hangDuration, chaos, maxConcurrent);
    }

    public SimulatorOptions withChaos(Chaos newChaos) {
        return new SimulatorOptions(host, port, apiKey, clock, jobDuration, slowDuration, dialect, flakyRate, seed,
                hangDuration, newChaos, maxConcurrent);
    }

    /** A key that may have at most {@code max} jobs queued or running at once (0: no limit). */
    public SimulatorOptions withMaxConcurrent(int max) {
        return new SimulatorOptions(host, port, apiKey, clock, jobDuration, slowDuration, dialect, flakyRate, seed,
                hangDuration, chaos, max);
    }

    public SimulatorOptions withHang(Duration hang) {
        return new SimulatorOptions(host, port, apiKey, clock, jobDuration, slowDuration, dialect, flakyRate, seed,
                hang, chaos, maxConcurrent);
    }
}
