package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.acceptedCreates;
import static dev.reelbot.simulator.SimulatorCounts.createRequestsByPrompt;
import static dev.reelbot.simulator.SimulatorCounts.refusedCreates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.JdbcLeases;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.RecordingChatPort;
import dev.reelbot.videoapi.TestApis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.stubbing.Answer;

/**
 * {@code video-api.max-in-flight} across instances on one real PostgreSQL, against a simulator whose per-key limit is
 * the same number: any create it turns away as busy is a moment the API saw more jobs in flight than the bot allows.
 * (The store's guard itself, per-user limit included, is tested in {@code JdbcJobStoreTest} and
 * {@code PostgresJobStoreTest}.)
 */
class SharedCapacityTest {
    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Requester BOB = new Requester("slack", "T1", "C1", "U_BOB", "bob");

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final RecordingChatPort chat = new RecordingChatPort("slack");
    private final List<ExecutorService> pools = new ArrayList<>();
    private SharedDatabase shared;
    private JdbcJobStore store;
    private ApiSimulator simulator;

    @BeforeEach
    void open() {
        shared = SharedDatabase.open();
        store = shared.store;
    }

    @AfterEach
    void close() {
        pools.forEach(ExecutorService::shutdownNow);
        if (simulator != null) {
            simulator.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    private void simulatorWithKeyLimit(int max) {
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withFlakiness(0, 1).withClock(clock)
                .withMaxConcurrent(max));
    }

    private Engine instance(String id, JobStore jobs, int maxInFlight, ExecutorService submitters) {
        return instance(id, jobs, maxInFlight, submitters, chat);
    }

    private Engine instance(String id, JobStore jobs, int maxInFlight, ExecutorService submitters,
                            RecordingChatPort platform) {
        VideoApi api = TestApis.forSimulator(simulator, EngineHarness.DEFAULT_MODELS, clock, Duration.ofSeconds(5));
        return SharedDatabase.engine(SharedDatabase.parts(jobs, api, platform, new Quotas(10, 1000, 20),
                new Admins(Set.of(EngineHarness.ADMIN.qualifiedUser())), dir.resolve("videos-" + id))
                .withMaxInFlight(maxInFlight).withLeases(new JdbcLeases(shared.db, id, TTL)), submitters, clock);
    }

    /** A store whose compare-and-set marking a job sending does what {@code mark} says (after or before the real one). */
    private JobStore withSendingMark(Answer<Optional<Job>> mark) {
        JobStore spy = mock(JobStore.class, delegatesTo(store));
        doAnswer(mark).when(spy).compareAndSetWithin(any(), any());
        return spy;
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return pool;
    }

    private static String jobId(Reply reply) {
        assertThat(reply.jobId()).as(reply.text()).isNotNull();
        return reply.jobId();
    }

    /**
     * Instance a gives its job the last slot and is about to mark it sending when an admin bumps a job of instance
     * b to the front: b's line now starts with its own job, so b sends it too. Only a guard in the store, counting
     * the jobs in flight as it marks one sending, keeps the two under the limit.
     */
    @Test
    void twoInstancesGivingTheLastSlotAtOnceSendOnlyOneJob() throws Exception {
        simulatorWithKeyLimit(1);
        CountDownLatch aMarking = new CountDownLatch(1);
        CountDownLatch bSent = new CountDownLatch(1);
        JobStore aStore = withSendingMark(call -> {
            aMarking.countDown();
            assertThat(bSent.await(20, TimeUnit.SECONDS)).isTrue();
            return store.compareAndSetWithin(call.getArgument(0), call.getArgument(1));
        });
        Engine a = instance("a", aStore, 1, pool(1));
        Engine b = instance("b", store, 1, null);

        String first = jobId(a.commands().handle(EngineHarness.ALICE, "alice's video", "t-1"));
        clock.advance(Duration.ofMillis(200));
        String bumped = jobId(b.commands().handle(BOB, "bob's video", "t-2"));
        a.tick();
        assertThat(aMarking.await(20, TimeUnit.SECONDS)).as("a gave its job the slot").isTrue();
        assertThat(b.commands().handle(EngineHarness.ADMIN, "admin bump " + bumped, "t-3").ok()).isTrue();
        b.tick();
        bSent.countDown();

        runUntilSettled(List.of(a, b), List.of(first, bumped));
        assertThat(refusedCreates(simulator)).as("creates the API turned away: it saw 2 jobs at once, limit 1")
                .isZero();
        assertThat(acceptedCreates(simulator)).isEqualTo(2);
        assertThat(createRequestsByPrompt(simulator).values()).as("each sent once").containsOnly(1);
    }

    /**
     * Three instances, each sending on threads of its own, a burst of fifteen jobs of three users spread over them,
     * a limit of three: the API never sees a fourth job at once (it would refuse it), and takes each job once.
     */
    @Test
    void aBurstOverThreeInstancesNeverPutsMoreThanTheLimitInFlight() {
        simulatorWithKeyLimit(3);
        List<Engine> instances = List.of(instance("a", store, 3, pool(3)), instance("b", store, 3, pool(3)),
                instance("c", store, 3, pool(3)));
        List<Requester> users = List.of(EngineHarness.ALICE, BOB,
                new Requester("slack", "T1", "C2", "U_CAROL", "carol"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Engine on = instances.get(i % 3);
            ids.add(jobId(on.commands().handle(users.get(i / 5), "video " + i, "burst-" + i)));
        }

        runUntilSettled(instances, ids);
        assertThat(refusedCreates(simulator)).as("creates the API turned away: more than 3 in flight").isZero();
        assertThat(acceptedCreates(simulator)).isEqualTo(15);
        assertThat(createRequestsByPrompt(simulator).values()).as("each sent once").containsOnly(1);
    }

    /**
     * The slot of a job whose instance died stays taken while the job may run at the API, and goes with its lease:
     * the instance that takes the job over finishes it, and then sends its own.
     */
    @Test
    void theSlotOfAJobWhoseInstanceDiedIsHandedOverWithItsLease() {
        simulatorWithKeyLimit(1);
        Engine a = instance("a", store, 1, null);
        Engine b = instance("b", store, 1, null);
        String running = jobId(a.commands().handle(EngineHarness.ALICE, "alice's video", "t-1"));
        a.tick();
        assertThat(store.find(running).orElseThrow().state().isInFlight()).isTrue();
        String waiting = jobId(b.commands().handle(BOB, "bob's video", "t-2"));

        for (int second = 0; second < TTL.toSeconds() - 1; second++) {
            b.tick();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(store.find(waiting).orElseThrow().state()).as("a died holding the slot").isEqualTo(JobState.WAITING);
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.keepLeases()).as("b takes a's job over").isEqualTo(1);

        runUntilSettled(List.of(b), List.of(running, waiting));
        assertThat(refusedCreates(simulator)).isZero();
        assertThat(createRequestsByPrompt(simulator)).containsOnly(entry("alice's video", 1), entry("bob's video", 1));
    }

    /** A job left sending by an instance that died ends outcome-unknown when taken over, and frees its slot. */
    @Test
    void aJobLeftSendingByADeadInstanceFreesItsSlotWhenTakenOver() throws Exception {
        simulatorWithKeyLimit(1);
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch dead = new CountDownLatch(1);
        JobStore aStore = withSendingMark(call -> {
            store.compareAndSetWithin(call.getArgument(0), call.getArgument(1));
            sending.countDown();
            try {
                dead.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the process died after marking the job sending");
        });
        Engine a = instance("a", aStore, 1, pool(1));
        Engine b = instance("b", store, 1, null);
        String lost = jobId(a.commands().handle(EngineHarness.ALICE, "alice's video", "t-1"));
        a.tick();
        assertThat(sending.await(20, TimeUnit.SECONDS)).isTrue();
        String waiting = jobId(b.commands().handle(BOB, "bob's video", "t-2"));
        b.tick();
        assertThat(store.find(waiting).orElseThrow().state()).isEqualTo(JobState.WAITING);

        clock.advance(TTL.plusSeconds(1));
        assertThat(b.keepLeases()).isEqualTo(1);
        for (int i = 0; i < 600 && !store.find(waiting).orElseThrow().isSettled(); i++) {
            b.tick();
            clock.advance(Duration.ofMillis(500));
        }

        assertThat(store.find(lost).orElseThrow().state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(store.find(waiting).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
        assertThat(createRequestsByPrompt(simulator)).containsOnly(entry("bob's video", 1));
    }

    /**
     * A waiting job first in line whose instance died, on a platform no other instance reaches (Discord runs on one
     * instance), keeps its slot only while its lease lasts: after that the others' jobs go, instead of waiting
     * behind a job nobody can send.
     */
    @Test
    void aWaitingJobNobodyHoldsDoesNotKeepTheSlotFromTheOthers() {
        simulatorWithKeyLimit(1);
        Engine discord = instance("d", store, 1, null, new RecordingChatPort("discord"));
        Engine slack = instance("s", store, 1, null);
        String first = jobId(slack.commands().handle(EngineHarness.ALICE, "alice's video", "t-1"));
        slack.tick();
        String orphan = jobId(discord.commands().handle(new Requester("discord", "G1", "CH1", "U_DAN", "dan"),
                "dan's video", "t-2"));
        clock.advance(Duration.ofMillis(200));
        String mine = jobId(slack.commands().handle(BOB, "bob's video", "t-3"));
        for (int i = 0; i < 600 && !store.find(first).orElseThrow().isSettled(); i++) {
            slack.tick();
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(store.find(mine).orElseThrow().state()).as("dan's job is next, and its instance may send it")
                .isEqualTo(JobState.WAITING);

        clock.advance(TTL);
        slack.keepLeases();
        runUntilSettled(List.of(slack), List.of(mine));
        assertThat(store.find(orphan).orElseThrow().state()).isEqualTo(JobState.SUBMITTING);
        assertThat(createRequestsByPrompt(simulator)).containsOnly(entry("alice's video", 1), entry("bob's video", 1));
    }

    /** Ticks every instance and moves the clock until the jobs are settled. */
    private void runUntilSettled(List<Engine> instances, List<String> ids) {
        for (int i = 0; i < 2_000 && !ids.stream().allMatch(id -> store.find(id).orElseThrow().isSettled()); i++) {
            instances.forEach(Engine::tick);
            awaitIdle(instances);
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(ids).allSatisfy(id -> assertThat(store.find(id).orElseThrow().state()).as(id)
                .isEqualTo(JobState.COMPLETED));
    }

    private static void awaitIdle(List<Engine> instances) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2))
                .until(() -> instances.stream().allMatch(e -> e.inFlightCount() == 0));
    }
}
