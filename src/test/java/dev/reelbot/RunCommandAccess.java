package dev.reelbot;

import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages run {@code run} with their own config and environment, and stop it. */
public final class RunCommandAccess {
    private final RunCommand command = new RunCommand();

    public RunCommandAccess(Path config, Map<String, String> env) {
        command.config = config;
        command.env = env;
        command.interactive = false;
    }

    /** Console input and output for a config that enables the console. */
    public RunCommandAccess console(java.io.InputStream in, java.io.PrintStream out) {
        command.in = in;
        command.out = out;
        return this;
    }

    public Integer call() throws Exception {
        return command.call();
    }

    public int httpPort() {
        return command.httpPort;
    }

    /** What SIGTERM does. */
    public void stop() {
        command.shutdown.countDown();
    }
}
