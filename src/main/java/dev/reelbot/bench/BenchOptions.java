package dev.reelbot.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a benchmark run does.
 *
 * @param jobs         how many jobs, all submitted at once
 * @param jobSeconds   how long each simulated job takes at the API (before any jitter)
 * @param clients      threads sending commands, like users typing at the same time
 * @param timeout      the longest a phase may take before the run is declared stuck
 * @param burst        commands one user sends at the same moment once the jobs are done (0: none)
 * @param warmUp       jobs run first and not counted: they warm the JIT, so the figures are a running bot's
 * @param chatLatency  how long each chat call takes on average
 * @param perWorkspace how many jobs share one Slack-like workspace's edit budget
 * @param baseline     whether to run the same load through the naive poller too, for comparison
 * @param workers      the bot's workers ({@code poller.workers}); 0 for the default
 * @param timelines    where to write each measured job's timeline (see {@link Timelines}), or {@code null}
 */
public record BenchOptions(int jobs, int jobSeconds, int clients, Duration timeout, int burst, int warmUp,
                           Duration chatLatency, int perWorkspace, boolean baseline, int workers,
                           Path timelines) {

    /** A quick run for tests: no warm-up, instant chat, no baseline. */
    public static BenchOptions quick(int jobs, int jobSeconds, int burst) {
        return new BenchOptions(jobs, jobSeconds, 4, Duration.ofMinutes(2), burst, 0, Duration.ZERO, 5, false, 0,
                null);
    }
}
