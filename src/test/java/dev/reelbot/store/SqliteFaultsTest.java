package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store does when the database misbehaves under it: another program holds its write lock, a second
 * process wants it, its file disappears, it is not a database at all. Each gets one clear answer, in time.
 */
class SqliteFaultsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Requester ALICE = new Requester("slack", "T1", "C1", "U1", "alice");

    @TempDir
    Path dir;
    Path file;
    SqliteConnections connections;
    JdbcJobStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("reelbot.db");
        connections = SqliteConnections.open(file);
        store = new JdbcJobStore(connections);
    }

    @AfterEach
    void close() {
        connections.close();
    }

    private static Job fresh(String id, String key) {
        return Job.submitting(id, key, ALICE, VideoRequest.builder("a cat", "sora-2").build(), null, T0);
    }

    private boolean accept(Job job) throws Exception {
        return store.insertWithinQuota(job, Admission.quotas(Quotas.DEFAULTS, T0.minusSeconds(86_400)));
    }

    @Test
    void aWriteLockHeldByAnotherProgramGetsAQuickClearFailureAndReadsGoOn() throws Exception {
        accept(fresh("aaaa2345", "k1"));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");

            long start = System.nanoTime();
            assertThatThrownBy(() -> accept(fresh("bbbb2345", "k2"))).isInstanceOf(StoreException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(waited).as("well under a platform's three seconds").isLessThan(Duration.ofMillis(2500));
            assertThat(store.find("aaaa2345")).as("reads go on").isPresent();
            assertThat(connections.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("writes failing")
                    .contains("locked"));
            lock.execute("ROLLBACK");
        }
        assertThat(connections.problem()).as("the lock has gone: a probe clears it").isEmpty();
        assertThat(accept(fresh("cccc2345", "k3"))).isTrue();
    }

    @Test
    void aWriteAUserWaitsForGoesBeforeBackgroundWrites() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = threads.submit(() -> connections.with(c -> {
                holding.countDown();
                awaitQuietly(release);
                return order.add("first");
            }));
            holding.await();
            Future<?> background = threads.submit(() -> connections.with(c -> order.add("background")));
            await().atMost(Duration.ofSeconds(5)).until(() -> connections.writeWaiters() == 1);
            Future<?> hurried = threads.submit(() -> connections.withPatience(Duration.ofSeconds(5),
                    c -> order.add("hurried")));
            await().atMost(Duration.ofSeconds(5)).until(() -> connections.writeWaiters() == 2);
            release.countDown();
            first.get();
            hurried.get();
            background.get();
        } finally {
            threads.shutdownNow();
        }
        assertThat(order).containsExactly("first", "hurried", "background");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondOpenOfTheSameDatabaseIsRefusedNamingTheHolder() {
        assertThatThrownBy(() -> SqliteConnections.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is in use by another reelbot (pid " + ProcessHandle.current().pid() + " on host")
                .hasMessageContaining("store.path");
        assertThat(store.find("none")).as("the holder is undisturbed").isEmpty();
    }

    @Test
    void closingReleasesTheDatabaseForTheNextProcess() {
        connections.close();
        connections = SqliteConnections.open(file);
        assertThat(connections.problem()).isEmpty();
    }

    @Test
    void aDatabaseFileDeletedUnderTheBotIsNoticed() throws Exception {
        try (LogCapture log = new LogCapture()) {
            Files.delete(file);

            await().atMost(Duration.ofSeconds(10)).until(() -> log.lines().stream()
                    .anyMatch(l -> l.startsWith("ERROR") && l.contains("was deleted while reelbot runs")));
        }
        assertThat(connections.problem()).hasValueSatisfying(p -> assertThat(p).contains("was deleted")
                .contains("put the database back"));
    }

    @Test
    void aFileThatIsNotADatabaseIsOneClearSentence() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database, it is a shopping list\n".repeat(100));

        assertThatThrownBy(() -> SqliteConnections.open(garbage))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the job database " + garbage)
                .hasMessageContaining("not a database")
                .hasMessageNotContaining("\n");
        Files.delete(garbage);
        SqliteConnections.open(garbage).close();
    }
}
