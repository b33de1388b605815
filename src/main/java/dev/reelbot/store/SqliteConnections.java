package dev.reelbot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * An embedded SQLite database file, migrated by Flyway on open, in WAL mode. All work goes through one connection
 * under a lock: SQLite writes one at a time anyway, and a single connection never meets {@code SQLITE_BUSY}.
 *
 * <p>WAL with {@code synchronous=NORMAL} keeps every committed change across a crash or {@code kill -9} of the
 * process; only a power cut can lose the last moments. Checkpoints (copying the WAL into the database, with an
 * fsync) run on a second connection in the background, so no command or job step waits for one.
 */
public final class SqliteConnections implements Connections {
    private static final Logger log = LoggerFactory.getLogger(SqliteConnections.class);
    private static final long CHECKPOINT_EVERY_MILLIS = 2_000;

    private final Connection connection;
    private final Connection checkpoints;
    private final ScheduledExecutorService checkpointer;
    private final ReentrantLock lock = new ReentrantLock();
    private final String description;

    private SqliteConnections(Connection connection, Connection checkpoints, String description) {
        this.connection = connection;
        this.checkpoints = checkpoints;
        this.description = description;
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sqlite-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        checkpointer.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_EVERY_MILLIS, CHECKPOINT_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Statement statement = checkpoints.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            log.warn("background checkpoint of {} failed: {}", description, e.toString());
        }
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
                pragmas.execute("PRAGMA wal_autocheckpoint = 0");
            }
            return new SqliteConnections(connection, source.getConnection(), file.toString());
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
        checkpointer.shutdownNow();
        lock.lock();
        try (Statement truncate = connection.createStatement()) {
            truncate.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            checkpoints.close();
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
