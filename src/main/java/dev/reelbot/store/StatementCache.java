package dev.reelbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared statements of one long-lived SQLite connection, kept for reuse: SQLite compiles a statement each time
 * it is prepared, which for the job table's sixty-odd columns cost as much CPU as running it (a third of the store's
 * time in a profile of the bench). The store's SQL is a fixed set of strings, so the cache stays small.
 *
 * <p>Threading: not thread-safe; used only by whoever holds the connection's lock.
 */
final class StatementCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatementCache.class);

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, its parameters cleared; the caller must not close it. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /**
     * Closes every kept statement: at close, and after a unit of work failed, so no statement left in an unknown
     * state by an error (a busy database, a file gone) is used again.
     */
    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                log.warn("closing a prepared statement failed: {}", e.toString());
            }
        }
        statements.clear();
    }

    /** How many statements are kept (for tests). */
    int size() {
        return statements.size();
    }
}
