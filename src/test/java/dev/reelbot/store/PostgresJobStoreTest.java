package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.SendLimits;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.testing.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link JdbcJobStoreTest}, on a real PostgreSQL (a schema of its own), and what only concurrent
 * writers can break: the per-user quota and the budgets under commands arriving at once on several connections, the
 * jobs in flight under instances marking jobs sending at once, a mark claimed at once.
 */
class PostgresJobStoreTest extends JdbcJobStoreTest {
    private TestPostgres.Schema schema;

    @Override
    @BeforeEach
    void open() {
        schema = TestPostgres.schema();
        super.open();
    }

    @Override
    Connections openDatabase() {
        return schema.open();
    }

    @Override
    String kind() {
        return "PostgreSQL";
    }

    @Override
    @AfterEach
    void close() {
        if (schema != null) {
            super.close();
            schema.close();
        }
    }

    @Test
    void concurrentCommandsOfOneUserStayWithinTheQuota() throws Exception {
        Admission threeWaiting = Admission.quotas(new Quotas(9, 1000, 3), Instant.EPOCH);
        for (int round = 0; round < 20; round++) {
            String user = "U" + round;
            Requester carol = new Requester("slack", "T1", "C1", user, "carol");
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(Job.submitting(String.format("c%02d%05d", round, i), user + "-" + i, carol,
                        VideoRequest.builder("a cat", "sora-2").build(), null, Instant.parse("2026-11-24T12:00:00Z")));
            }
            assertThat(allAtOnce(jobs, threeWaiting)).as("round %d", round).isEqualTo(3);
        }
    }

    @Test
    void concurrentCommandsOfManyUsersStayWithinTheChannelBudget() throws Exception {
        Admission dollarAChannel = new Admission(new Quotas(9, 99, 99), Instant.EPOCH, Instant.EPOCH,
                usd("1.00"), null);
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Requester someone = new Requester("slack", "T1", "C" + round, "U" + i, "user " + i);
                jobs.add(priced(String.format("b%02d%05d", round, i), "b" + round + "-" + i, someone, "0.30"));
            }
            assertThat(allAtOnce(jobs, dollarAChannel)).as("round %d: 3 x 0.30 fit in 1.00", round).isEqualTo(3);
        }
    }

    @Test
    void jobsMarkedSendingAtOnceByManyInstancesStayWithinTheJobsInFlight() throws Exception {
        for (int round = 0; round < 10; round++) {
            List<Callable<Boolean>> sends = new ArrayList<>();
            SendLimits threeMore = new SendLimits(3 * (round + 1), 9);
            for (int i = 0; i < 8; i++) {
                Requester someone = new Requester("slack", "T1", "C1", "U" + i, "user " + i);
                Job job = priced(String.format("s%02d%05d", round, i), "s" + round + "-" + i, someone, "0.30");
                store.insertWithinQuota(job, Admission.quotas(new Quotas(9, 999, 99), Instant.EPOCH));
                sends.add(() -> store.compareAndSetWithin(Transitions.sending(job, job.times().createdAt()),
                        threeMore).isPresent());
            }
            assertThat(allAtOnce(sends)).as("round %d: 3 more fit", round).isEqualTo(3);
        }
    }

    @Test
    void aMarkClaimedByManyInstancesAtOnceIsClaimedOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = "budget-alert:channel:slack:T1:C1:2026-" + round;
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> store.claimOnce(key, Instant.EPOCH));
            }
            assertThat(allAtOnce(claims)).as("round %d", round).isEqualTo(1);
        }
    }

    /** Inserts the jobs from eight threads released together; returns how many were written. */
    private int allAtOnce(List<Job> jobs, Admission admission) throws Exception {
        List<Callable<Boolean>> commands = new ArrayList<>();
        for (Job job : jobs) {
            commands.add(() -> store.insertWithinQuota(job, admission));
        }
        return allAtOnce(commands);
    }

    /** Runs the writes from as many threads, released together; returns how many wrote. */
    private static int allAtOnce(List<Callable<Boolean>> writes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writes.size());
        try {
            CyclicBarrier together = new CyclicBarrier(writes.size());
            List<Callable<Boolean>> commands = writes.stream().<Callable<Boolean>>map(write -> () -> {
                together.await();
                return write.call();
            }).toList();
            int written = 0;
            for (Future<Boolean> accepted : pool.invokeAll(commands)) {
                written += accepted.get() ? 1 : 0;
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }
}
