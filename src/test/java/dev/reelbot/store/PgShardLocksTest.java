package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Discord shard locks on the real PostgreSQL: two instances' locks, and a third in another schema. */
class PgShardLocksTest {
    private static final String NAME = "reelbot-discord";

    private TestPostgres.Schema schema;
    private TestPostgres.Schema elsewhere;
    private PgShardLocks a;
    private PgShardLocks b;

    @BeforeEach
    void open() {
        schema = TestPostgres.schema();
        a = locks(schema);
        b = locks(schema);
    }

    @AfterEach
    void close() {
        if (schema != null) {
            a.close();
            b.close();
            schema.close();
        }
        if (elsewhere != null) {
            elsewhere.close();
        }
    }

    private static PgShardLocks locks(TestPostgres.Schema in) {
        return new PgShardLocks(in.url(), Optional.empty(), Optional.empty(), NAME);
    }

    @Test
    void eachShardHasOneHolderAndABotInAnotherSchemaIsAnotherBot() {
        assertThat(a.tryHold(0)).isTrue();
        assertThat(a.tryHold(0)).as("held already: still true").isTrue();
        assertThat(b.tryHold(0)).isFalse();
        assertThat(b.tryHold(1)).isTrue();
        assertThat(a.holds(0)).isTrue();
        assertThat(a.holds(1)).isFalse();
        assertThat(b.holds(0)).isFalse();

        elsewhere = TestPostgres.schema();
        try (PgShardLocks other = locks(elsewhere)) {
            assertThat(other.tryHold(0)).isTrue();
        }
    }

    @Test
    void aHolderWhoseConnectionEndsLosesTheLockAndAnotherTakesIt() throws SQLException {
        assertThat(a.tryHold(0)).isTrue();

        terminateTheSessionHolding(0);

        assertThat(a.holds(0)).as("the check reads a dead session as a lost lock").isFalse();
        // The backend exits a moment after the signal: b's next tries find the lock free.
        await().atMost(Duration.ofSeconds(10)).until(() -> b.tryHold(0));
        assertThat(a.tryHold(0)).as("a reconnects, and finds it taken").isFalse();
    }

    @Test
    void aReleasedOrClosedLockIsFreeForTheOtherAtOnce() {
        assertThat(a.tryHold(0)).isTrue();
        assertThat(a.tryHold(1)).isTrue();

        a.release(0);
        assertThat(b.tryHold(0)).isTrue();
        assertThat(b.tryHold(1)).isFalse();
        a.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> b.tryHold(1));
    }

    private void terminateTheSessionHolding(int shard) throws SQLException {
        try (Connection admin = DriverManager.getConnection(schema.url());
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
                     + " WHERE locktype = 'advisory' AND classid::int = hashtext(? || ':' || ?) AND objid = ?"
                     + " AND objsubid = 2")) {
            kill.setString(1, NAME);
            kill.setString(2, schema.name());
            kill.setInt(3, shard);
            try (ResultSet killed = kill.executeQuery()) {
                assertThat(killed.next()).as("a session held the lock").isTrue();
                assertThat(killed.getBoolean(1)).isTrue();
            }
        }
    }
}
