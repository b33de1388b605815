package dev.reelbot.testing;

import dev.reelbot.simulator.ApiSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config files for tests that start the bot with {@code run}: the engine against the simulator, then platforms. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /**
     * Writes {@code dir/reelbot.yaml}: the video API at the simulator (key {@code sim-key}), quick polls and edits,
     * videos (downloaded and kept) and the database under {@code dir}, the HTTP server on loopback at {@code port}
     * (0: any), then the given sections (platforms, admins) as YAML.
     */
    public static Path write(Path dir, ApiSimulator simulator, int port, String sections) throws IOException {
        Path config = dir.resolve("reelbot.yaml");
        Files.writeString(config, """
                video-api:
                  base-url: %s/v1
                  request-timeout: 2s
                poller:
                  tick: 50ms
                  min-interval: 200ms
                  max-interval: 1s
                messages:
                  edit-interval: 0s
                delivery:
                  video-dir: %s
                store:
                  path: %s
                media:
                  dir: %s
                server:
                  host: 127.0.0.1
                  port: %d
                """.formatted(simulator.baseUrl(), dir.resolve("downloads"), dir.resolve("jobs.db"),
                dir.resolve("media"), port) + sections);
        return config;
    }
}
