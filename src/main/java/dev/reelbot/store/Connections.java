package dev.reelbot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Lends a JDBC connection for one unit of work: the SQLite store keeps its own, a PostgreSQL store would pool. */
public interface Connections extends AutoCloseable {

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A unit of work that may write. */
    <T> T with(Work<T> work) throws SQLException;

    /**
     * A unit of work that may write, waiting for the database at most {@code patience} in all (for the paths that
     * must answer a user within a platform's deadline); past it, an {@link SQLException}.
     */
    default <T> T withPatience(Duration patience, Work<T> work) throws SQLException {
        return with(work);
    }

    /** A unit of work that only reads; it need not wait behind writes. */
    default <T> T read(Work<T> work) throws SQLException {
        return with(work);
    }

    @Override
    void close();
}
