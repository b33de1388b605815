package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases on a real PostgreSQL, two instances on one database, time given by the test. */
class JdbcLeasesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Set<String> SLACK = Set.of("slack");
    private static final Requester ALICE = new Requester("slack", "T1", "C1", "U1", "alice");

    private TestPostgres.Schema schema;
    private Connections db;
    private JdbcJobStore store;
    private JdbcLeases a;
    private JdbcLeases b;

    @BeforeEach
    void open() {
        schema = TestPostgres.schema();
        db = schema.open();
        store = new JdbcJobStore(db);
        a = new JdbcLeases(db, "a", TTL);
        b = new JdbcLeases(db, "b", TTL);
    }

    @AfterEach
    void close() {
        if (schema != null) {
            db.close();
            schema.close();
        }
    }

    private void insert(String id, Instant at) throws Exception {
        Job job = Job.submitting(id, "key-" + id, ALICE, VideoRequest.builder("a cat", "sora-2").build(), null, at);
        assertThat(store.insertWithinQuota(job, Admission.quotas(new Quotas(1000, 1000, 1000), Instant.EPOCH)))
                .isTrue();
    }

    private static List<String> ids(List<Job> jobs) {
        return jobs.stream().map(Job::id).toList();
    }

    @Test
    void aNewJobIsLeftToTheInstanceThatAcceptedItForOneLease() throws Exception {
        insert("new12345", T0);

        assertThat(b.claim(T0.plusSeconds(1), 10, SLACK)).as("not yet: its instance takes it first").isEmpty();
        assertThat(a.take("new12345", T0.plusSeconds(1))).isTrue();
        assertThat(b.claim(T0.plus(TTL).plusSeconds(1), 10, SLACK)).as("held until 16 s").isEmpty();
        assertThat(b.take("new12345", T0.plusSeconds(2))).as("another instance holds it").isFalse();

        insert("lost2345", T0);
        assertThat(ids(b.claim(T0.plus(TTL).plusSeconds(1), 10, SLACK)))
                .as("accepted by an instance that died before taking it").containsExactly("lost2345");
    }

    @Test
    void aLeaseNotRenewedIsTakenOverAndItsOldHolderLearnsItLostIt() throws Exception {
        insert("job12345", T0);
        a.take("job12345", T0);
        assertThat(a.renew(T0.plusSeconds(10))).containsExactly("job12345");
        assertThat(b.claim(T0.plusSeconds(20), 10, SLACK)).as("renewed until 25 s").isEmpty();

        List<Job> taken = b.claim(T0.plusSeconds(26), 10, SLACK);

        assertThat(ids(taken)).containsExactly("job12345");
        assertThat(taken.get(0).state().name()).isEqualTo("SUBMITTING");
        assertThat(a.renew(T0.plusSeconds(26))).as("a lost it").isEmpty();
        assertThat(b.renew(T0.plusSeconds(27))).containsExactly("job12345");
        assertThat(a.take("job12345", T0.plusSeconds(27))).isFalse();
    }

    @Test
    void releasedJobsAreClaimedAtOnceAndSettledOnesNever() throws Exception {
        insert("old12345", T0);
        insert("fin12345", T0);
        a.take("old12345", T0);
        a.take("fin12345", T0);
        db.with(c -> c.createStatement().executeUpdate("UPDATE jobs SET settled = 1 WHERE id = 'fin12345'"));

        a.releaseAll();

        assertThat(ids(b.claim(T0.plusSeconds(1), 10, SLACK))).containsExactly("old12345");
        assertThat(ids(a.claim(T0.plusSeconds(3600), 10, SLACK))).as("settled").doesNotContain("fin12345");
    }

    @Test
    void claimsTakeBatchesOldestFirstAndSkipRowsAnotherInstanceIsClaiming() throws Exception {
        for (int i = 0; i < 5; i++) {
            insert("job0000" + i, T0.plusMillis(i));
        }
        Instant later = T0.plus(TTL).plusSeconds(1);
        try (Connection other = DriverManager.getConnection(schema.url());
             Statement locking = other.createStatement()) {
            other.setAutoCommit(false);
            locking.executeQuery("SELECT id FROM jobs WHERE id = 'job00000' FOR UPDATE").close();

            assertThat(ids(a.claim(later, 2, SLACK))).as("the locked row skipped, not waited for")
                    .containsExactlyInAnyOrder("job00001", "job00002");
            other.rollback();
        }
        assertThat(ids(b.claim(later, 10, SLACK))).containsExactlyInAnyOrder("job00000", "job00003", "job00004");
        assertThat(a.renew(later)).containsExactlyInAnyOrder("job00001", "job00002");
    }

    @Test
    void liveInstancesAreThoseThatBeatWithinALease() {
        assertThat(a.heartbeat(T0)).isEqualTo(1);
        assertThat(b.heartbeat(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(a.heartbeat(T0.plusSeconds(10))).isEqualTo(2);
        assertThat(a.heartbeat(T0.plusSeconds(17))).as("b stopped beating a lease ago").isEqualTo(1);

        b.heartbeat(T0.plusSeconds(18));
        b.releaseAll();
        assertThat(a.heartbeat(T0.plusSeconds(19))).as("b left").isEqualTo(1);
    }

    @Test
    void anInstanceClaimsOnlyJobsOfThePlatformsItReaches() throws Exception {
        insert("job12345", T0);

        assertThat(b.claim(T0.plus(TTL).plusSeconds(1), 10, Set.of("discord", "console")))
                .as("a Slack job, and b has no Slack").isEmpty();
        assertThat(ids(b.claim(T0.plus(TTL).plusSeconds(1), 10, Set.of("discord", "slack"))))
                .containsExactly("job12345");
    }
}
