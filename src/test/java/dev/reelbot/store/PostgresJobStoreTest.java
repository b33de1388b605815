package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.Quotas;
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
 * writers can break: the per-user quota under commands arriving at once on several connections.
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
        Quotas threeAtOnce = new Quotas(3, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String user = "U" + round;
                Requester carol = new Requester("slack", "T1", "C1", user, "carol");
                CyclicBarrier together = new CyclicBarrier(8);
                List<Callable<Boolean>> commands = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Job job = Job.submitting(String.format("c%02d%05d", round, i), user + "-" + i, carol,
                            VideoRequest.builder("a cat", "sora-2").build(), Instant.parse("2026-11-24T12:00:00Z"));
                    commands.add(() -> {
                        together.await();
                        return store.insertWithinQuota(job, threeAtOnce, Instant.EPOCH);
                    });
                }
                int written = 0;
                for (Future<Boolean> accepted : pool.invokeAll(commands)) {
                    written += accepted.get() ? 1 : 0;
                }
                assertThat(written).as("round %d", round).isEqualTo(3);
                assertThat(store.countActive("slack", user)).isEqualTo(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
