package dev.reelbot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.FaultyJobStore;
import dev.reelbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a long line, jobs no pass has seen share the next pass instead of each reading the whole line again: a burst
 * of commands must not cost a pass per command.
 */
class SharedPassTest {
    private static final Requester ALICE = new Requester("slack", "T1", "C1", "U1", "alice");

    @TempDir
    Path dir;

    @Test
    void newJobsInALongLineShareOnePass() throws Exception {
        ExecutorService steps = Executors.newFixedThreadPool(20);
        ExecutorService passes = Executors.newSingleThreadExecutor();
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            FaultyJobStore counted = new FaultyJobStore(new JdbcJobStore(db));
            JobStore store = counted.store();
            MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
            CapacityQueue queue = new CapacityQueue(store, Integer.MAX_VALUE, 1000, clock, () -> 0.5,
                    new CapacityQueue.Wakes() {
                        @Override
                        public void toSend(String jobId) {
                        }

                        @Override
                        public void toShow(String jobId) {
                        }
                    }, passes, jobId -> true);
            for (int i = 0; i < SharedPass.FROM; i++) {
                insert(store, "long" + i);
            }
            assertThat(queue.tryStart(insert(store, "first"))).as("a short line: its own pass").isPresent();
            int passesBefore = counted.calls("queue");

            List<Future<Boolean>> turns = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Job job = insert(store, "new" + i);
                turns.add(steps.submit(() -> queue.tryStart(job).isPresent()));
            }
            clock.advance(CapacityQueue.LEAST_GAP);
            queue.tick();
            for (Future<Boolean> turn : turns) {
                assertThat(turn.get(5, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(counted.calls("queue") - passesBefore).as("passes for 20 new jobs").isLessThanOrEqualTo(3);
        } finally {
            steps.shutdownNow();
            passes.shutdownNow();
        }
    }

    private static Job insert(JobStore store, String id) throws JobStore.DuplicateRequestException {
        Job job = Job.submitting(id, "key-" + id, ALICE, VideoRequest.builder("a cat", "sora-2").build(), null,
                Instant.now());
        store.insertWithinQuota(job, Admission.quotas(new Quotas(1000, 100_000, 1000), Instant.EPOCH));
        return job;
    }
}
