package dev.reelbot;

import dev.reelbot.app.ConfigSource;
import dev.reelbot.app.ConfigSummary;
import dev.reelbot.app.MediaSetup;
import dev.reelbot.app.Transcoding;
import dev.reelbot.config.ConfigException;
import dev.reelbot.config.ReelbotConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check-config}: validates the config as {@code run} would, prints what is enabled, secrets masked. */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Validate the configuration as run would and print what is enabled (secrets masked); warn "
        + "when run would do nothing. Exit code 1 when invalid.")
final class CheckConfigCommand implements Callable<Integer> {
    @Option(names = "--config", description = ConfigSource.OPTION_HELP)
    Path config;

    @Override
    public Integer call() {
        return check(ConfigSource.choose(config), System.getenv(), System.out, System.err);
    }

    /** Checks {@code file} ({@code null}: no file) with {@code env}. */
    static int check(Path file, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            ReelbotConfig cfg = ConfigSource.load(file, env);
            MediaSetup.StoreCheck media = MediaSetup.check(cfg.media());
            ConfigSummary.print(cfg, Transcoding.detect(cfg, env.getOrDefault("PATH", System.getenv("PATH"))), media,
                    out);
            media.problem().ifPresent(why -> err.println("warning: " + why + "."));
            ConfigSource.nothingToRun(cfg).ifPresent(why -> err.println("warning: " + why + "."));
            ConfigSummary.warnings(cfg).forEach(warning -> err.println("warning: " + warning + "."));
            return 0;
        } catch (ConfigException e) {
            err.println(ConfigSource.describe(file) + " is invalid.");
            err.println(e.getMessage());
            return 1;
        }
    }
}
