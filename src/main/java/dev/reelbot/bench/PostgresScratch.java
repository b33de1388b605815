package dev.reelbot.bench;

import dev.reelbot.core.Secret;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.store.Connections;
import dev.reelbot.store.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A schema of its own on a PostgreSQL database for one bench run, so its jobs neither meet earlier runs' nor stay
 * behind: created (and migrated) at the start, dropped at the end.
 */
public final class PostgresScratch implements AutoCloseable {
    private final String url;
    private final Properties login = new Properties();
    private final String schema;

    /** Creates the schema; the user needs the CREATE privilege on the database. */
    public PostgresScratch(String url, Optional<String> user, Optional<Secret> password) {
        this.url = url;
        user.ifPresent(u -> login.setProperty("user", u));
        password.ifPresent(p -> login.setProperty("password", p.reveal()));
        this.schema = "reelbot_bench_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xfffffff);
        execute("CREATE SCHEMA " + schema);
    }

    /** The bench's store, in the schema, through the same pool and migrations as {@code run}. */
    public Connections open(int poolSize) {
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Databases.open(scoped, Optional.ofNullable(login.getProperty("user")),
                Optional.ofNullable(login.getProperty("password")).map(Secret::of), poolSize);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, login);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("bench: " + sql + " on " + url + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
