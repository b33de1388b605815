package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's prepared statements are kept per connection, lent only within a unit of work on it, and never stale. */
class StatementCacheTest {
    @TempDir
    Path dir;

    @Test
    void theSameStatementIsReusedWithItsParametersCleared() throws Exception {
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            PreparedStatement first = db.read(c -> {
                PreparedStatement s = db.prepare(c, "SELECT ? + 1");
                s.setInt(1, 41);
                assertThat(single(s)).isEqualTo(42);
                return s;
            });
            Object unbound = db.read(c -> single(db.prepare(c, "SELECT ? + 1")));
            PreparedStatement again = db.read(c -> db.prepare(c, "SELECT ? + 1"));
            PreparedStatement onTheWriter = db.with(c -> db.prepare(c, "SELECT ? + 1"));

            assertThat(again).isSameAs(first);
            assertThat(unbound).as("the last use's parameter was cleared").isNull();
            assertThat(onTheWriter).as("each connection has its own").isNotSameAs(first);
            Connection reader = db.read(c -> c);
            assertThatThrownBy(() -> db.prepare(reader, "SELECT 1")).as("the reader's statements outside a read")
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** A kept read statement must not hold a read transaction open: it would go on seeing the table as it was. */
    @Test
    void aKeptReadStatementSeesEveryLaterWrite() throws Exception {
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            db.with(c -> db.prepare(c, "CREATE TABLE counter (n INTEGER)").executeUpdate());
            db.with(c -> db.prepare(c, "INSERT INTO counter VALUES (0)").executeUpdate());
            for (int n = 1; n <= 3; n++) {
                db.with(c -> db.prepare(c, "UPDATE counter SET n = n + 1").executeUpdate());
                Object seen = db.read(c -> single(db.prepare(c, "SELECT n FROM counter")));
                assertThat(seen).isEqualTo(n);
            }
        }
    }

    @Test
    void aFailedUnitOfWorkDropsTheKeptStatements() throws Exception {
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            PreparedStatement kept = db.read(c -> db.prepare(c, "SELECT 1"));
            assertThatThrownBy(() -> db.read(c -> db.prepare(c, "SELECT * FROM no_such_table")))
                    .isInstanceOf(SQLException.class);

            assertThat(kept.isClosed()).isTrue();
            Object again = db.read(c -> single(db.prepare(c, "SELECT 1")));
            assertThat(again).isEqualTo(1);
        }
    }

    private static Object single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getObject(1) : "no row";
        }
    }
}
