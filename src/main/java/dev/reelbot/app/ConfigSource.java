package dev.reelbot.app;

import dev.reelbot.config.ConfigException;
import dev.reelbot.config.ConfigLoader;
import dev.reelbot.config.ReelbotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code run} and {@code check-config} read their configuration: the file named with {@code --config}, else
 * {@code config/reelbot.yaml} when it exists, else no file at all: the defaults plus {@code REELBOT_*} variables
 * are a complete configuration (so a container can run on its environment alone).
 */
public final class ConfigSource {
    static final Path CONVENTIONAL = Path.of("config", "reelbot.yaml");
    public static final String OPTION_HELP = "The config file. Default: config/reelbot.yaml if it exists, else none "
            + "(the defaults and REELBOT_* variables).";

    private ConfigSource() {
    }

    /** The file to read, or {@code null} for defaults and environment only. */
    public static Path choose(Path given) {
        if (given != null) {
            return given;
        }
        return Files.isRegularFile(CONVENTIONAL) ? CONVENTIONAL : null;
    }

    /** Loads as {@code run} does (the video API key is required). */
    public static ReelbotConfig load(Path file, Map<String, String> env) throws ConfigException {
        return ConfigLoader.load(file, env, true);
    }

    /** The file's name, or what stands in for it, for messages. */
    public static String describe(Path file) {
        return file == null ? ConfigLoader.NO_FILE : file.toString();
    }

    /**
     * Why {@code run} would do nothing with this config, if it would: the one rule {@code run} refuses by and
     * {@code check-config} warns with.
     */
    public static Optional<String> nothingToRun(ReelbotConfig cfg) {
        if (cfg.slack().enabled() || cfg.discord().enabled() || cfg.console().enabled()) {
            return Optional.empty();
        }
        return Optional.of("run would do nothing: enable slack, discord or console (e.g. slack.enabled: true, or "
                + "REELBOT_SLACK_ENABLED=true)");
    }
}
