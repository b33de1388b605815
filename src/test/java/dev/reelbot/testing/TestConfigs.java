package dev.reelbot.testing;

import dev.reelbot.simulator.ApiSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
        return write(dir, simulator, port, "", sections);
    }

    /** {@link #write}, with {@code videoApi} (YAML indented by two spaces, e.g. models) added to {@code video-api}. */
    public static Path write(Path dir, ApiSimulator simulator, int port, String videoApi, String sections)
            throws IOException {
        Path config = dir.resolve("reelbot.yaml");
        Files.writeString(config, """
                video-api:
                  base-url: %s/v1
                  request-timeout: 2s
                """.formatted(simulator.baseUrl()) + videoApi + """
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
                """.formatted(dir.resolve("downloads"), dir.resolve("jobs.db"), dir.resolve("media"), port)
                + sections);
        return config;
    }

    /**
     * {@link #write}, with the jobs on PostgreSQL in {@code schema} instead of SQLite, leases of {@code leaseTtl};
     * the password goes in the environment ({@link #storeEnv}), never the file.
     */
    public static Path writeShared(Path dir, ApiSimulator simulator, TestPostgres.Schema schema, Duration leaseTtl,
                                   String sections) throws IOException {
        Path config = write(dir, simulator, 0, sections);
        String text = Files.readString(config).replace("store:\n  path: " + dir.resolve("jobs.db") + "\n",
                "store:\n  url: " + schema.bareUrl() + "\n  user: " + schema.credentials().get("user")
                + "\n  lease-ttl: " + leaseTtl.toMillis() + "ms\n");
        Files.writeString(config, text);
        return config;
    }

    /** The environment a bot on {@code schema} needs: its password. */
    public static Map<String, String> storeEnv(TestPostgres.Schema schema) {
        return Map.of("STORE_PASSWORD", schema.credentials().get("password"));
    }
}
