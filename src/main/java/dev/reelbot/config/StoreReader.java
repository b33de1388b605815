package dev.reelbot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code store}: {@code url} ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}), or {@code path}, the
 * SQLite shorthand; {@code user}, the password from {@code STORE_PASSWORD}, and {@code lease-ttl}.
 */
final class StoreReader {
    static final Path DEFAULT_PATH = Path.of("data", "reelbot.db");
    static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(15);

    private StoreReader() {
    }

    static StoreConfig read(ConfigNode node, Secrets secrets) {
        boolean pathSet = node.has("path");
        Path path = EngineConfigReader.path(node, "path", DEFAULT_PATH);
        String url = node.string("url", "").strip();
        if (url.isEmpty()) {
            url = StoreConfig.SQLITE + path;
        }
        Optional<String> user = Optional.of(node.string("user", "").strip()).filter(u -> !u.isEmpty());
        Duration leaseTtl = node.duration("lease-ttl", DEFAULT_LEASE_TTL, Duration.ofSeconds(1));
        node.finish();
        if (url.startsWith(StoreConfig.SQLITE)) {
            String file = url.substring(StoreConfig.SQLITE.length());
            if (file.isBlank() || file.startsWith(":memory:") || file.contains("?")) {
                node.problem(node.fileLabel(), node.dotted("url"), "'" + url + "' names no database file; use "
                        + "jdbc:sqlite:data/reelbot.db (or set store.path)");
            } else if (pathSet && !Path.of(file).equals(path)) {
                node.problem(node.fileLabel(), node.dotted("url"), "names " + file + " but store.path says " + path
                        + "; set only one of them");
            } else {
                path = Path.of(file);
            }
        } else if (url.startsWith(StoreConfig.POSTGRESQL)) {
            if (pathSet && !path.equals(DEFAULT_PATH)) {
                node.problem(node.fileLabel(), node.dotted("path"), "is the SQLite file, but store.url names a "
                        + "PostgreSQL database; remove store.path");
            }
            if (url.toLowerCase(Locale.ROOT).contains("password=")) {
                node.problem(node.fileLabel(), node.dotted("url"), "carries a password; remove it from the URL and "
                        + "export " + Secrets.STORE_PASSWORD + " instead");
            }
        } else {
            node.problem(node.fileLabel(), node.dotted("url"), "'" + url + "' is neither jdbc:sqlite:<file> nor "
                    + "jdbc:postgresql://host:5432/database");
        }
        return new StoreConfig(url, path, user, secrets.get(Secrets.STORE_PASSWORD), leaseTtl);
    }
}
