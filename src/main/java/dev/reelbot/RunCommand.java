package dev.reelbot;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code run}: production, every platform enabled in config. */
@Command(name = "run", description = "Run the bot for every platform enabled in the config.")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return NotYetAvailable.report("run", "the job engine and the platform adapters (issues 3 to 6)");
    }
}
