package dev.reelbot.store;

import dev.reelbot.core.Secret;
import dev.reelbot.core.job.StoreException;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the job database a {@code store.url} names: an embedded SQLite file or a shared PostgreSQL database. */
public final class Databases {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private Databases() {
    }

    /**
     * Opens and migrates the database at {@code url}.
     *
     * @param poolSize how many connections a PostgreSQL pool may hold (ignored by SQLite, which keeps three)
     * @throws StoreException with one clear sentence when it cannot
     */
    public static Connections open(String url, Optional<String> user, Optional<Secret> password, int poolSize) {
        if (url.startsWith(SQLITE)) {
            return SqliteConnections.open(Path.of(url.substring(SQLITE.length())));
        }
        if (url.startsWith(POSTGRESQL)) {
            return PostgresOpening.open(url, user, password, poolSize);
        }
        throw new StoreException("store.url '" + url + "' is neither jdbc:sqlite: nor jdbc:postgresql:", null);
    }

    /**
     * Whether the database answers, for {@code check-config}: a PostgreSQL database is asked (never migrated); a
     * SQLite file is only looked at, as a running bot may hold it.
     */
    public static String ping(String url, Optional<String> user, Optional<Secret> password) {
        if (url.startsWith(POSTGRESQL)) {
            return PostgresOpening.ping(url, user, password);
        }
        Path file = Path.of(url.substring(SQLITE.length()));
        return file.toFile().isFile() ? "exists" : "will be created at the first start";
    }
}
