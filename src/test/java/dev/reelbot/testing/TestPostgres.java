package dev.reelbot.testing;

import dev.reelbot.core.Secret;
import dev.reelbot.store.Connections;
import dev.reelbot.store.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the tests use, at {@code REELBOT_TEST_POSTGRES_URL} (default {@link #DEFAULT_URL}, the role and
 * database {@code .ci/postgres} creates). Each test gets a schema of its own, dropped afterwards. When nothing
 * answers, the tests that need it are skipped, saying once how to run them; under {@code CI=true} they fail instead,
 * so CI never passes without having run them.
 */
public final class TestPostgres {
    public static final String DEFAULT_URL =
            "jdbc:postgresql://127.0.0.1:5432/reelbot_test?user=reelbot&password=reelbot";
    private static final String URL = Optional.ofNullable(System.getenv("REELBOT_TEST_POSTGRES_URL"))
            .filter(u -> !u.isBlank()).orElse(DEFAULT_URL);
    private static final AtomicBoolean SAID = new AtomicBoolean();
    private static volatile String unavailable;
    private static volatile boolean checked;

    private TestPostgres() {
    }

    /** A schema of its own on the test database; skips (or under CI fails) the test when none answers. */
    public static Schema schema() {
        requireAvailable();
        String name = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        execute(URL, "CREATE SCHEMA " + name);
        return new Schema(name, URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }

    private static synchronized void requireAvailable() {
        if (!checked) {
            try (Connection ignored = DriverManager.getConnection(URL + (URL.contains("?") ? "&" : "?")
                    + "loginTimeout=3")) {
                unavailable = null;
            } catch (SQLException e) {
                unavailable = e.getMessage();
            }
            checked = true;
        }
        if (unavailable == null) {
            return;
        }
        String why = "no PostgreSQL answers at " + URL.replaceAll("password=[^&]*", "password=***") + " ("
                + unavailable + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; under CI=true the PostgreSQL tests must run (.ci/run starts it)");
        }
        if (SAID.compareAndSet(false, true)) {
            System.err.println("PostgreSQL tests skipped: " + why + ". To run them: .ci/postgres (starts the local "
                    + "cluster and creates the test role and database), or set REELBOT_TEST_POSTGRES_URL.");
        }
        Assumptions.abort(why);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** One test's schema: its URL (user and password in it), and the URL with them apart, as a config has them. */
    public record Schema(String name, String url) implements AutoCloseable {

        /** Opens and migrates the store in this schema, as {@code run} would. */
        public Connections open() {
            return Databases.open(url, Optional.empty(), Optional.empty(), 8);
        }

        /** The URL without {@code user} and {@code password}: what {@code store.url} says. */
        public String bareUrl() {
            return url.replaceAll("[?&](user|password)=[^&]*", "").replaceFirst("jdbc:postgresql://([^?&]*)&",
                    "jdbc:postgresql://$1?");
        }

        /** The user and password of the URL, as {@code store.user} and {@code STORE_PASSWORD}. */
        public Map<String, String> credentials() {
            Map<String, String> found = new LinkedHashMap<>();
            for (String param : url.substring(url.indexOf('?') + 1).split("&")) {
                String[] pair = param.split("=", 2);
                if (pair.length == 2 && (pair[0].equals("user") || pair[0].equals("password"))) {
                    found.put(pair[0], pair[1]);
                }
            }
            return found;
        }

        /** The password as the config takes it. */
        public Optional<Secret> password() {
            return Optional.ofNullable(credentials().get("password")).map(Secret::of);
        }

        @Override
        public void close() {
            execute(URL, "DROP SCHEMA " + name + " CASCADE");
        }
    }
}
