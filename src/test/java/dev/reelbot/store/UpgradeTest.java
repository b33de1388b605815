package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.VideoLink;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.RefundState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A database written by an earlier version opens with its jobs read the safe way. */
class UpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aJobAnEarlierVersionLeftSubmittingIsNeverSentAgain() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = migratedTo(file, "2"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO jobs (id, version, request_key, platform, workspace, channel, user_id, user_name, "
                    + "prompt, model, state, created_at, updated_at, progress, poll_errors, missing_polls, "
                    + "delivery_state, delivery_attempts, final_shown, refund_state, refund_reason, settled) VALUES "
                    + "('olds2345', 3, 'k1', 'slack', 'T1', 'C1', 'U1', 'alice', 'a cat', 'sora-2', 'SUBMITTING', "
                    + "1, 1, 0, 0, 0, 'NONE', 0, 0, 'NONE', NULL, 0), "
                    + "('done2345', 9, 'k2', 'slack', 'T1', 'C1', 'U1', 'alice', 'a dog', 'sora-2', 'FAILED', "
                    + "1, 1, 50, 0, 0, 'NONE', 0, 1, 'RESOLVED', 'it failed', 1)");
        }

        try (SqliteConnections db = SqliteConnections.open(file)) {
            JdbcJobStore store = new JdbcJobStore(db);
            Job old = store.find("olds2345").orElseThrow();
            assertThat(old.state()).as("it may have been sent before the upgrade: never resent").isEqualTo(
                    JobState.SENDING);
            Job resolved = store.find("done2345").orElseThrow();
            assertThat(resolved.refund().noticeOutdated()).as("taken as shown").isFalse();
            assertThat(resolved.isSettled()).isTrue();
            assertThat(store.unsettled()).extracting(Job::id).containsExactly("olds2345");
        }
    }

    @Test
    void aDeliveryEarlierVersionsReportedFailedIsUndeliveredAndALinkedOneKeepsItsLink() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = migratedTo(file, "12"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO jobs (id, version, request_key, platform, workspace, channel, user_id, user_name, "
                    + "prompt, model, state, created_at, updated_at, progress, video_url, expires_at, poll_errors, "
                    + "missing_polls, delivery_state, delivery_attempts, final_shown, refund_state, refund_reason, "
                    + "settled) VALUES "
                    + "('fail2345', 7, 'k1', 'slack', 'T1', 'C1', 'U1', 'alice', 'a cat', 'sora-2', 'COMPLETED', "
                    + "1, 1, 100, NULL, NULL, 0, 0, 'FAILED', 5, 1, 'OPEN', 'undelivered', 1), "
                    + "('link2345', 4, 'k2', 'slack', 'T1', 'C1', 'U1', 'alice', 'a dog', 'kling-v2-1', 'COMPLETED', "
                    + "1, 1, 100, 'https://cdn.example.com/v.mp4', 3600000, 0, 0, 'LINKED', 1, 1, 'NONE', NULL, 1)");
        }

        try (SqliteConnections db = SqliteConnections.open(file)) {
            JdbcJobStore store = new JdbcJobStore(db);
            Job failed = store.find("fail2345").orElseThrow();
            assertThat(failed.delivery().state()).isEqualTo(DeliveryState.UNDELIVERED);
            assertThat(failed.delivery().notice()).as("its refund case stands; no second notice")
                    .isEqualTo(NoticeState.NONE);
            assertThat(failed.refund().state()).isEqualTo(RefundState.OPEN);
            Job linked = store.find("link2345").orElseThrow();
            assertThat(linked.delivery().link()).isEqualTo(new VideoLink("https://cdn.example.com/v.mp4",
                    Instant.ofEpochSecond(3600)));
            assertThat(store.unsettled()).isEmpty();
        }
    }

    /** A database as the version with migration {@code version} left it: a connection to write its rows. */
    private static Connection migratedTo(Path file, String version) throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target(version).load().migrate();
        return source.getConnection();
    }
}
