package dev.reelbot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * An embedded SQLite database file, migrated by Flyway on open, in WAL mode. All work goes through one connection
 * under a lock: SQLite writes one at a time anyway, and a single connection never meets {@code SQLITE_BUSY}.
 *
 * <p>WAL with {@code synchronous=NORMAL} keeps every committed change across a crash or {@code kill -9} of the
 * process; only a power cut can lose the last moments.
 */
public final class SqliteConnections implements Connections {
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final String description;

    private SqliteConnections(Connection connection, String description) {
        this.connection = connection;
        this.description = description;
    }

    /** Opens (creating if needed) and migrates the database at {@code file}. */
    public static SqliteConnections open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for " + file, e);
        }
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        source.setJournalMode("WAL");
        source.setSynchronous("NORMAL");
        source.setBusyTimeout(10_000);
        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        try {
            Connection connection = source.getConnection();
            try (Statement pragmas = connection.createStatement()) {
                pragmas.execute("PRAGMA foreign_keys = ON");
            }
            return new SqliteConnections(connection, file.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the job database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T with(Work<T> work) throws SQLException {
        lock.lock();
        try {
            return work.run(connection);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing " + description + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SQLite " + description;
    }
}
