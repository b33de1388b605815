package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where jobs are kept: the embedded SQLite file (one process) or a PostgreSQL database shared by several instances.
 *
 * @param url       the JDBC URL, {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/database}
 * @param path      the SQLite file; for PostgreSQL the default file's place, which anchors the local data folder
 * @param user      the PostgreSQL user ({@code store.user}); empty: the URL's or the driver's default
 * @param password  the PostgreSQL password, only from {@code STORE_PASSWORD}
 * @param leaseTtl  how long an instance's hold on a job lasts without a heartbeat (PostgreSQL only)
 */
public record StoreConfig(String url, Path path, Optional<String> user, Optional<Secret> password,
                          Duration leaseTtl) {
    static final String SQLITE = "jdbc:sqlite:";
    static final String POSTGRESQL = "jdbc:postgresql:";

    /** Whether several instances may share it (PostgreSQL), rather than one process owning a file. */
    public boolean shared() {
        return url.startsWith(POSTGRESQL);
    }

    /** What it is, for people: {@code SQLite data/reelbot.db} or {@code PostgreSQL //host:5432/reelbot}. */
    public String describe() {
        return shared() ? "PostgreSQL " + url.substring(POSTGRESQL.length()) + user.map(u -> " as " + u).orElse("")
                : "SQLite " + path;
    }
}
