package dev.reelbot;

import picocli.CommandLine.Option;

/**
 * {@code --job-seconds}, for the commands that run the simulator: how long its jobs take. Each command gives its own
 * default (a mixin instance made with it), and help shows that default.
 */
final class JobSecondsOption {
    @Option(names = "--job-seconds", paramLabel = "SECONDS", description = "How long a simulated job takes. "
            + "Default: ${DEFAULT-VALUE}")
    int seconds;

    JobSecondsOption(int defaultSeconds) {
        this.seconds = defaultSeconds;
    }
}
