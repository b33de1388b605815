package dev.reelbot.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Lends a JDBC connection for one unit of work: the SQLite store shares one, a PostgreSQL store would pool. */
public interface Connections extends AutoCloseable {

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T with(Work<T> work) throws SQLException;

    @Override
    void close();
}
