package dev.reelbot.store;

import dev.reelbot.core.job.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a SQLite job database for {@link SqliteConnections}, in the order that fails soonest and says most: its
 * directory, this process's lock on it ({@link DatabaseLock}), Flyway's migrations, the connections, and a write
 * probe (SQLite opens a read-only file without a word). Every failure is one sentence naming the file.
 */
final class SqliteOpening {
    private SqliteOpening() {
    }

    /** See {@link SqliteConnections#open}. */
    static SqliteConnections open(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the directory for the job database " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        DatabaseLock ownership = DatabaseLock.acquire(absolute);
        try {
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + absolute);
            source.setJournalMode("WAL");
            source.setSynchronous("NORMAL");
            source.setBusyTimeout(SqliteConnections.BUSY_TIMEOUT_MILLIS);
            Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
            return connectAll(source, ownership, file);
        } catch (SQLException | RuntimeException e) {
            ownership.close();
            if (e instanceof StoreException store) {
                throw store;
            }
            throw new StoreException("cannot open the job database " + file + ": " + RootCause.message(e), e);
        }
    }

    private static SqliteConnections connectAll(SQLiteDataSource source, DatabaseLock ownership, Path file)
            throws SQLException {
        Connection writer = connect(source);
        try {
            SqliteConnections.probeWrite(writer);
            Connection reader = connect(source);
            try {
                return new SqliteConnections(ownership, writer, reader, source.getConnection(), file);
            } catch (SQLException e) {
                reader.close();
                throw e;
            }
        } catch (SQLException e) {
            writer.close();
            throw e;
        }
    }

    private static Connection connect(SQLiteDataSource source) throws SQLException {
        Connection connection = source.getConnection();
        try (Statement pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA foreign_keys = ON");
            pragmas.execute("PRAGMA wal_autocheckpoint = 0");
        }
        return connection;
    }
}
