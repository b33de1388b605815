package dev.reelbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Lends a JDBC connection for one unit of work: the SQLite store keeps its own ({@link SqliteConnections}), the
 * PostgreSQL store pools them ({@link PostgresConnections}). The few things the two databases do differently are
 * here too, so the store's SQL stays one.
 */
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

    /**
     * A prepared statement for {@code sql} within the unit of work under way on {@code connection}; the caller does
     * not close it. SQLite keeps it for the next unit of work on the same connection ({@link StatementCache}). By
     * default a new one, closed when the connection goes back to its pool (HikariCP closes the statements a lent
     * connection opened): PostgreSQL's driver already reuses the server-side statement for the same SQL on the same
     * pooled connection (after {@code prepareThreshold} uses), so keeping the Java object would save nothing.
     */
    default PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    /** A unit of work that only reads; it need not wait behind writes. */
    default <T> T read(Work<T> work) throws SQLException {
        return with(work);
    }

    /**
     * Makes units of work that name the same {@code key} wait for each other until the calling unit ends (a check
     * followed by a write, such as a quota). SQLite writes one at a time anyway, so by default it does nothing.
     */
    default void serialize(Connection connection, String key) throws SQLException {
    }

    /** What is wrong with the database now (for readiness and /healthz), or empty when it answers. */
    Optional<String> problem();

    @Override
    void close();
}
