package dev.reelbot.store;

import dev.reelbot.core.Secret;
import dev.reelbot.core.ShardLocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shard locks as PostgreSQL session-level advisory locks, {@code (hashtext(name:schema), shard)}, on one connection
 * of their own kept open (never a pooled one: returned to the pool, the lock would stay with whoever borrows it
 * next). The lock lives exactly as long as that session: a holder that dies, or whose connection breaks, frees it
 * for the others; {@link #holds} asks the server whether this session still has it, so a broken connection reads
 * as a lost lock at once. The name is qualified with the schema, so two bots in two schemas of one database never
 * wait for each other. TCP keepalives on both ends notice a vanished host in about half a minute.
 *
 * <p>Threading: synchronized; one connection, used by one caller at a time.
 */
public final class PgShardLocks implements ShardLocks {
    private static final Logger log = LoggerFactory.getLogger(PgShardLocks.class);
    private static final int TIMEOUT_SECONDS = 5;
    private static final String KEY = "hashtext(? || ':' || current_schema())";

    private final String url;
    private final Properties properties = new Properties();
    private final String name;
    private Connection connection;

    /** @param name what is locked, e.g. {@code reelbot-discord} */
    public PgShardLocks(String url, Optional<String> user, Optional<Secret> password, String name) {
        this.url = url;
        this.name = name;
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        properties.setProperty("ApplicationName", "reelbot " + name + " lock");
        properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(3 * TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public synchronized boolean tryHold(int shard) {
        try {
            return ask("SELECT pg_try_advisory_lock(" + KEY + ", ?)", shard);
        } catch (SQLException e) {
            log.warn("could not try the {} lock of shard {}: {}", name, shard, RootCause.message(e));
            drop();
            return false;
        }
    }

    @Override
    public synchronized boolean holds(int shard) {
        if (connection == null) {
            return false;
        }
        try {
            return ask("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND pid = pg_backend_pid() AND classid::int = " + KEY + " AND objid = ? AND objsubid = 2)",
                    shard);
        } catch (SQLException e) {
            log.warn("the {} lock connection failed: {}", name, RootCause.message(e));
            drop();
            return false;
        }
    }

    @Override
    public synchronized void release(int shard) {
        if (connection == null) {
            return;
        }
        try {
            ask("SELECT pg_advisory_unlock(" + KEY + ", ?)", shard);
        } catch (SQLException e) {
            // Ending the session frees every lock it held: the other instances may take the shard.
            log.warn("could not release the {} lock of shard {} ({}); closing its connection", name, shard,
                    RootCause.message(e));
            drop();
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }

    private boolean ask(String sql, int shard) throws SQLException {
        try (PreparedStatement statement = open().prepareStatement(sql)) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.setString(1, name);
            statement.setInt(2, shard);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private Connection open() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(url, properties);
            try (Statement statement = connection.createStatement()) {
                // The server drops the session (and its locks) when this host stops answering.
                statement.execute("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5;"
                        + " SET tcp_keepalives_count = 3");
            }
        }
        return connection;
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a broken {} lock connection: {}", name, e.getMessage());
            }
            connection = null;
        }
    }
}
