package dev.reelbot.bench;

import java.time.Duration;

/**
 * What a benchmark run does.
 *
 * @param jobs       how many jobs, all submitted at once
 * @param jobSeconds how long each simulated job takes at the API
 * @param clients    threads sending commands, like users typing at the same time
 * @param timeout    the longest the run may take before it is declared stuck
 * @param burst      commands one user sends at the same moment once the jobs are done (0: none)
 */
public record BenchOptions(int jobs, int jobSeconds, int clients, Duration timeout, int burst) {
}
