package dev.reelbot;

import dev.reelbot.config.ConfigException;
import dev.reelbot.config.ConfigLoader;
import dev.reelbot.config.ReelbotConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check-config}: validates the config as {@code run} would, prints what is enabled, secrets masked. */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Validate the configuration and print what is enabled "
        + "(secrets masked). Exit code 1 when invalid.")
final class CheckConfigCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "config/reelbot.yaml", description = "The config file. Default: "
            + "${DEFAULT-VALUE}")
    Path config;

    @Override
    public Integer call() {
        return check(config, System.getenv(), System.out, System.err);
    }

    static int check(Path file, java.util.Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            ReelbotConfig cfg = ConfigLoader.load(file, env, true);
            ConfigSummary.print(cfg, out);
            return 0;
        } catch (ConfigException e) {
            err.println(file + " is invalid.");
            err.println(e.getMessage());
            return 1;
        }
    }
}
