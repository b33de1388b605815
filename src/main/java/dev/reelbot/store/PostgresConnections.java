package dev.reelbot.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A PostgreSQL database shared by several instances, through a HikariCP pool. Every unit of work is one
 * transaction on a pooled connection, committed when it returns and rolled back when it throws, so a unit that
 * checks and then writes (under {@link #serialize}) is atomic against the other instances.
 *
 * <p>Threading: thread-safe; the pool lends each thread its own connection.
 */
public final class PostgresConnections implements Connections {
    /** How long a health check waits for the database to answer. */
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(2);

    private final HikariDataSource pool;
    private final String description;

    PostgresConnections(HikariDataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    @Override
    public <T> T with(Work<T> work) throws SQLException {
        return inTransaction(null, work);
    }

    /** A unit of work whose statements the database cancels once {@code patience} has passed. */
    @Override
    public <T> T withPatience(Duration patience, Work<T> work) throws SQLException {
        return inTransaction(patience, work);
    }

    private <T> T inTransaction(Duration patience, Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (patience != null) {
                    try (Statement limit = connection.createStatement()) {
                        // SET LOCAL takes no parameters; the value is a number this class computed.
                        limit.execute("SET LOCAL statement_timeout = " + Math.max(1, patience.toMillis()));
                    }
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException again) {
            cause.addSuppressed(again);
        }
    }

    /** A transaction-scoped advisory lock on the key's hash: released by the commit or rollback that ends the unit. */
    @Override
    public void serialize(Connection connection, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, key);
            lock.execute();
        }
    }

    @Override
    public Optional<String> problem() {
        try {
            withPatience(PROBE_PATIENCE, connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history").next();
                }
            });
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(description + " does not answer: " + RootCause.message(e));
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + description;
    }
}
