package dev.reelbot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Requester;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.FaultyJobStore;
import dev.reelbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nothing limiting all users, on a store of its own, a new job goes without a pass (each reads the whole line):
 * nobody is ahead of it. A requester with a job waiting is not bypassed, nor is anyone before the first pass, once
 * the API has refused a create, with a limit set, or sharing the store with other instances.
 */
class BypassTest {
    private static final Requester ALICE = new Requester("slack", "T1", "C1", "U1", "alice");
    private static final Requester BOB = new Requester("slack", "T1", "C1", "U2", "bob");
    /** Passes the test runs by hand ({@link CapacityQueue#tick} would queue them here). */
    private static final Executor NO_PASSES = command -> {
    };

    @TempDir
    Path dir;
    private SqliteConnections db;
    private FaultyJobStore counted;
    private JobStore store;
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private int inserted;

    @BeforeEach
    void open() {
        db = SqliteConnections.open(dir.resolve("jobs.db"));
        counted = new FaultyJobStore(new JdbcJobStore(db));
        store = counted.store();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void withNoLimitOnAllUsersNewJobsGoAtOnceWithoutReadingTheLineAfterTheFirstPass() throws Exception {
        CapacityQueue queue = queue(Integer.MAX_VALUE, true);
        for (int i = 0; i < 200; i++) {
            Job job = insert(i % 2 == 0 ? ALICE : BOB);
            Optional<?> turn = queue.tryStart(job);
            assertThat(turn).as("job %d", i).isPresent();
            queue.accepted(job.id());
            queue.done(job.id());
        }
        assertThat(counted.calls("line")).as("the first job's pass only: jobs may wait from before a restart")
                .isEqualTo(1);
    }

    @Test
    void aRequesterWhoseJobDidNotGoIsNotBypassedUntilAPassFindsNothingOfTheirsWaiting() throws Exception {
        CapacityQueue queue = queue(Integer.MAX_VALUE, true);
        Job first = insert(ALICE);
        assertThat(queue.tryStart(first)).isPresent();
        // No room for it after all (the store counted Alice at her own limit): it waits, and her next job behind it.
        store.compareAndSet(Transitions.waiting(first, clock.instant()));
        queue.done(first.id());

        assertThat(queue.tryStart(insert(ALICE))).as("behind her waiting job: a pass of its own").isPresent();
        assertThat(counted.calls("line")).isEqualTo(2);
        assertThat(queue.tryStart(insert(BOB))).as("Bob has nothing waiting").isPresent();
        assertThat(counted.calls("line")).isEqualTo(2);
    }

    @Test
    void whileNoJobWaitsAndNothingLimitsAllUsersTicksReadNoLineButTheFirst() throws Exception {
        CapacityQueue queue = new CapacityQueue(store, Integer.MAX_VALUE, 1000, clock, () -> 0.5,
                new RecordingWakes(), Runnable::run, jobId -> true, true);
        queue.tick();
        assertThat(counted.calls("line")).as("the first pass: jobs may wait from before a restart").isEqualTo(1);
        for (int i = 0; i < 150; i++) {
            insert(i % 2 == 0 ? ALICE : BOB);
            queue.changed();
        }
        clock.advance(Duration.ofSeconds(10));
        queue.tick();
        assertThat(counted.calls("line")).as("150 jobs not stepped yet: nothing to decide").isEqualTo(1);

        Job first = insert(ALICE);
        assertThat(queue.tryStart(first)).isPresent();
        store.compareAndSet(Transitions.waiting(first, clock.instant()));
        queue.done(first.id());
        clock.advance(Duration.ofSeconds(1));
        queue.tick();
        assertThat(counted.calls("line")).as("a job waits now").isEqualTo(2);
    }

    @Test
    void aJobAPassGaveItsTurnThatThenFoundNoRoomIsPassedAgainAndWoken() throws Exception {
        RecordingWakes wakes = new RecordingWakes();
        CapacityQueue queue = new CapacityQueue(store, Integer.MAX_VALUE, 1000, clock, () -> 0.5, wakes,
                Runnable::run, jobId -> true, true);
        Job job = insert(ALICE);
        assertThat(queue.tryStart(job)).as("given its turn by a pass of its own").isPresent();
        queue.changed();
        clock.advance(Duration.ofSeconds(1));
        queue.tick();
        assertThat(counted.calls("line")).as("no pass while it is being sent: nothing waits").isEqualTo(1);

        store.compareAndSet(Transitions.waiting(job, clock.instant()));
        queue.done(job.id());
        clock.advance(Duration.ofSeconds(1));
        queue.tick();
        assertThat(counted.calls("line")).as("it waits now: passes go on").isEqualTo(2);
        assertThat(wakes.toSend).containsExactly(job.id());
    }

    @Test
    void aRefusalAfterJobsWentWithoutPassesTeachesTheJobsReallyInFlight() throws Exception {
        CapacityQueue queue = queue(Integer.MAX_VALUE, true);
        for (int i = 0; i < 21; i++) {
            Job job = insert(i % 2 == 0 ? ALICE : BOB);
            assertThat(queue.tryStart(job)).isPresent();
            Job sent = store.compareAndSet(Transitions.sending(job, clock.instant())).orElseThrow();
            store.compareAndSet(Transitions.submitted(sent, TestJobs.status(TaskPhase.QUEUED, 0), clock.instant()));
            queue.accepted(job.id());
            queue.done(job.id());
        }
        Job refused = insert(BOB);
        assertThat(queue.tryStart(refused)).isPresent();
        queue.refused(refused.id(), Optional.empty());
        queue.done(refused.id());

        assertThat(queue.learnedLimit()).as("the 21 jobs at the API").contains(21);
    }

    @Test
    void nobodyIsBypassedOnceTheApiRefusedACreate() throws Exception {
        CapacityQueue queue = queue(Integer.MAX_VALUE, true);
        Job refused = insert(ALICE);
        assertThat(queue.tryStart(refused)).isPresent();
        queue.refused(refused.id(), Optional.of(Duration.ofSeconds(5)));
        queue.done(refused.id());

        assertThat(queue.tryStart(insert(BOB))).as("sending held: the API asked to wait").isEmpty();
        assertThat(counted.calls("line")).isEqualTo(2);
        clock.advance(Duration.ofMinutes(10));
        queue.tryStart(insert(BOB));
        assertThat(counted.calls("line")).as("a learned limit: each new job is placed by a pass").isEqualTo(3);
    }

    @Test
    void withALimitOnAllUsersOrAStoreSharedWithOtherInstancesEveryNewJobIsPlacedByAPass() throws Exception {
        CapacityQueue limited = queue(10, true);
        assertThat(limited.tryStart(insert(ALICE))).isPresent();
        assertThat(limited.tryStart(insert(BOB))).isPresent();
        assertThat(counted.calls("line")).isEqualTo(2);

        CapacityQueue shared = queue(Integer.MAX_VALUE, false);
        assertThat(shared.tryStart(insert(ALICE))).isPresent();
        assertThat(shared.tryStart(insert(BOB))).isPresent();
        assertThat(counted.calls("line")).as("another instance's waiting jobs are seen by passes only")
                .isEqualTo(4);
    }

    private CapacityQueue queue(int maxInFlight, boolean sole) {
        return new CapacityQueue(store, maxInFlight, 1000, clock, () -> 0.5, new RecordingWakes(), NO_PASSES,
                jobId -> true, sole);
    }

    private Job insert(Requester who) throws JobStore.DuplicateRequestException {
        String id = "job" + inserted++;
        clock.advance(Duration.ofMillis(10));
        Job job = Job.submitting(id, "key-" + id, who, VideoRequest.builder("a cat", "sora-2").build(), null,
                clock.instant());
        store.insertWithinQuota(job, Admission.quotas(new Quotas(1000, 100_000, 1000), Instant.EPOCH));
        return job;
    }
}
