package dev.reelbot.store;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The current row of a result set, read by column name through an index built once per result set: the SQLite
 * driver finds a column by name with a case-insensitive scan of every column, which for a job's forty-odd columns
 * was a tenth of the engine's CPU time under load.
 */
final class Row {
    private final ResultSet rs;
    private final Map<String, Integer> index = new HashMap<>();

    Row(ResultSet rs) throws SQLException {
        this.rs = rs;
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            index.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
    }

    private int column(String name) throws SQLException {
        Integer i = index.get(name);
        if (i == null) {
            throw new SQLException("no column " + name + " in the result");
        }
        return i;
    }

    String string(String name) throws SQLException {
        return rs.getString(column(name));
    }

    /** An integer column, 0 when NULL. */
    int integer(String name) throws SQLException {
        return rs.getInt(column(name));
    }

    Integer nullableInt(String name) throws SQLException {
        int value = rs.getInt(column(name));
        return rs.wasNull() ? null : value;
    }

    /** A long column, 0 when NULL. */
    long longValue(String name) throws SQLException {
        return rs.getLong(column(name));
    }

    Long nullableLong(String name) throws SQLException {
        long value = rs.getLong(column(name));
        return rs.wasNull() ? null : value;
    }

    /** A time stored as epoch milliseconds, or null. */
    Instant time(String name) throws SQLException {
        Long millis = nullableLong(name);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
