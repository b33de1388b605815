package dev.reelbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reelbot.core.Secret;
import dev.reelbot.core.job.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * Opens a PostgreSQL job database for {@link PostgresConnections}: the pool, then Flyway's migrations (the shared
 * ones and PostgreSQL's own; Flyway holds an advisory lock while it migrates, so instances starting together migrate
 * once). Every failure is one sentence naming the database, never its password.
 */
final class PostgresOpening {
    /** How long a caller waits for a free pooled connection before the store reports itself busy. */
    private static final long BORROW_TIMEOUT_MILLIS = 5_000;
    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    private PostgresOpening() {
    }

    /** See {@link Databases#open}. */
    static PostgresConnections open(String url, Optional<String> user, Optional<Secret> password, int poolSize) {
        String description = describe(url, user);
        HikariConfig config = new HikariConfig();
        config.setPoolName("reelbot-store");
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(secret -> config.setPassword(secret.reveal()));
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(BORROW_TIMEOUT_MILLIS);
        config.addDataSourceProperty("ApplicationName", "reelbot");
        config.addDataSourceProperty("loginTimeout", LOGIN_TIMEOUT_SECONDS);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the job database " + description + ": "
                    + RootCause.message(e) + hint(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/postgresql")
                    .load().migrate();
            return new PostgresConnections(pool, description);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the job database " + description + ": " + RootCause.message(e),
                    e);
        }
    }

    /**
     * Whether the database answers, without migrating or pooling (for {@code check-config}): its version, or why
     * not.
     */
    static String ping(String url, Optional<String> user, Optional<Secret> password) {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return "answers (PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + ")";
        } catch (SQLException e) {
            return "does not answer: " + RootCause.message(e) + hint(e);
        }
    }

    private static String hint(Exception e) {
        String message = RootCause.message(e);
        if (message.contains("password authentication failed") || message.contains("no password was provided")) {
            return " (check store.user and STORE_PASSWORD)";
        }
        if (message.contains("Connection refused") || message.contains("connect timed out")) {
            return " (is PostgreSQL running, and are the host and port in store.url right?)";
        }
        return "";
    }

    static String describe(String url, Optional<String> user) {
        return url.replaceFirst("^jdbc:postgresql:", "") + user.map(u -> " as " + u).orElse("");
    }
}
