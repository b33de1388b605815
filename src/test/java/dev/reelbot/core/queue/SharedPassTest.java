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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a long line and a limit on all users, jobs no pass has seen share the next pass instead of each reading the
 * whole line again (a burst of commands must not cost a pass per command), and no step waits for it: the pass wakes
 * them.
 */
class SharedPassTest {
    private static final Requester ALICE = new Requester("slack", "T1", "C1", "U1", "alice");

    @TempDir
    Path dir;

    @Test
    void newJobsInALongLineShareOnePassThatWakesThemWithoutHoldingTheirThreads() throws Exception {
        ExecutorService passes = Executors.newSingleThreadExecutor();
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            FaultyJobStore counted = new FaultyJobStore(new JdbcJobStore(db));
            JobStore store = counted.store();
            MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
            RecordingWakes wakes = new RecordingWakes();
            BlockingQueue<String> toSend = wakes.toSend;
            // A limit on all users, else no job would wait for a pass (see BypassTest).
            CapacityQueue queue = new CapacityQueue(store, 100_000, 1000, clock, () -> 0.5, wakes, passes,
                    jobId -> true, true);
            for (int i = 0; i < LeftToPass.FROM; i++) {
                insert(store, "long" + i);
            }
            assertThat(queue.tryStart(insert(store, "first"))).as("a short line: its own pass").isPresent();
            toSend.clear();
            int passesBefore = counted.calls("line");

            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Job job = insert(store, "new" + i);
                jobs.add(job);
                assertThat(queue.tryStart(job)).as("no pass saw it yet").isEmpty();
                assertThat(queue.awaitsPass(job.id())).isTrue();
            }
            assertThat(counted.calls("line") - passesBefore).as("no pass of their own").isZero();
            clock.advance(CapacityQueue.LEAST_GAP);
            queue.tick();
            Set<String> woken = new HashSet<>();
            while (woken.size() < jobs.size()) {
                woken.add(toSend.poll(5, TimeUnit.SECONDS));
            }

            assertThat(woken).containsExactlyInAnyOrderElementsOf(jobs.stream().map(Job::id).toList());
            for (Job job : jobs) {
                assertThat(queue.tryStart(job)).as("woken with its turn").isPresent();
                assertThat(queue.awaitsPass(job.id())).isFalse();
            }
            assertThat(counted.calls("line") - passesBefore).as("passes for 20 new jobs").isEqualTo(1);
        } finally {
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
