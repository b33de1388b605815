package dev.reelbot;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code demo}: the embedded simulator with a chat on stdin/stdout. */
@Command(name = "demo", description = "Run the bot against the embedded API simulator, chatting on stdin/stdout.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return NotYetAvailable.report("demo", "the job engine (issue 3)");
    }
}
