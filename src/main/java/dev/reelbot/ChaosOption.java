package dev.reelbot;

import picocli.CommandLine.Option;

/** {@code --chaos}, for the commands that run the simulator: faults injected into every job. */
final class ChaosOption {
    @Option(names = "--chaos", description = "Inject faults into every simulated job: 20%% of requests fail with a "
            + "5xx, 429s come in bursts, 2%% of requests stall, 5%% of jobs are lost, 3%% of creates hang.")
    boolean on;
}
