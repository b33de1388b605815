package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.reelbot.core.JobView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.JdbcLeases;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.RecordingChatPort;
import dev.reelbot.videoapi.TestApis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines (two instances) on one real PostgreSQL, one simulator and one chat platform, on a clock the test moves:
 * a job is stepped only by the instance holding its lease, and taken over, on the same message and without a second
 * create request, once the instance that held it stops renewing.
 */
class SharedStoreTest {
    private static final Duration TTL = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final RecordingChatPort chat = new RecordingChatPort("slack");
    private SharedDatabase shared;
    private Connections db;
    private JdbcJobStore store;
    private ApiSimulator simulator;

    @BeforeEach
    void open() {
        shared = SharedDatabase.open();
        db = shared.db;
        store = shared.store;
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withFlakiness(0, 1).withClock(clock));
    }

    @AfterEach
    void close() {
        if (simulator != null) {
            simulator.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    private Engine instance(String id, VideoApi api, ExecutorService submitters) {
        return instance(new JdbcLeases(db, id, TTL), api, submitters);
    }

    private Engine instance(JobLeases leases, VideoApi api, ExecutorService submitters) {
        return SharedDatabase.engine(SharedDatabase.parts(store, api, chat, new Quotas(100, 1000),
                new Admins(Set.of()), dir.resolve("videos")).withLeases(leases), submitters, clock);
    }

    private VideoApi api() {
        return TestApis.forSimulator(simulator, EngineHarness.DEFAULT_MODELS, clock, Duration.ofMillis(700));
    }

    private static String jobId(Reply reply) {
        assertThat(reply.jobId()).as(reply.text()).isNotNull();
        return reply.jobId();
    }

    @Test
    void aJobStartedOnADeadInstanceContinuesOnTheSameMessageOnAnother() {
        Engine a = instance("a", api(), null);
        Engine b = instance("b", api(), null);
        String id = jobId(a.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1"));
        a.tick();
        Job sent = store.find(id).orElseThrow();
        assertThat(sent.task().taskId()).as("a sent it").isNotNull();
        assertThat(b.keepLeases()).as("a holds it").isZero();
        assertThat(b.trackedCount()).isZero();

        clock.advance(TTL.minusSeconds(1));
        assertThat(b.keepLeases()).as("not before the lease expires").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.keepLeases()).as("a stopped renewing: b takes it over").isEqualTo(1);
        for (int second = 0; second < 600 && !store.find(id).orElseThrow().isSettled(); second++) {
            b.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        Job done = store.find(id).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.isSettled()).isTrue();
        assertThat(done.message().ref()).as("the same message").isEqualTo(sent.message().ref());
        assertThat(chat.events("post")).as("one message").hasSize(1);
        assertThat(((JobView) chat.current(done.message().ref().messageId())).isFinal()).isTrue();
        assertThat(createRequests(simulator)).as("one create request").isEqualTo(1);
    }

    @Test
    void aJobLeftSendingByADeadInstanceIsOutcomeUnknownNeverSentAgain() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch sending = new CountDownLatch(1);
        VideoApi hanging = new VideoApi() {
            @Override
            public TaskStatus create(VideoRequest request) {
                sending.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the process died while sending");
            }

            @Override
            public TaskStatus get(String taskId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) {
                throw new UnsupportedOperationException();
            }
        };
        ExecutorService aSubmitter = Executors.newSingleThreadExecutor();
        try {
            Engine a = instance("a", hanging, aSubmitter);
            Engine b = instance("b", api(), null);
            String id = jobId(a.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1"));
            a.tick();
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store.find(id).orElseThrow().state()).isEqualTo(JobState.SENDING);

            clock.advance(TTL.plusSeconds(1));
            assertThat(b.keepLeases()).isEqualTo(1);
            for (int second = 0; second < 120 && !store.find(id).orElseThrow().isSettled(); second++) {
                b.tick();
                clock.advance(Duration.ofSeconds(1));
            }

            Job job = store.find(id).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
            assertThat(createRequests(simulator)).as("never sent again").isZero();
            assertThat(chat.events("notice")).as("one refund notice").hasSize(1);
        } finally {
            never.countDown();
            aSubmitter.shutdownNow();
        }
    }

    @Test
    void anInstanceThatLostALeaseStopsSteppingTheJob() {
        Engine a = instance("a", api(), null);
        Engine b = instance("b", api(), null);
        String id = jobId(a.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1"));
        a.tick();
        assertThat(a.trackedCount()).isEqualTo(1);

        clock.advance(TTL.plusSeconds(1));
        b.keepLeases();
        a.keepLeases();

        assertThat(a.trackedCount()).as("a paused past its lease: b has the job now").isZero();
        assertThat(b.trackedCount()).isEqualTo(1);
        assertThat(store.find(id)).isPresent();
    }

    @Test
    void aRetriedCommandOnAnotherInstanceFindsTheJobAndLeavesItToItsHolder() {
        Engine a = instance("a", api(), null);
        Engine b = instance("b", api(), null);
        Reply first = a.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1");
        String id = jobId(first);

        b.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1");
        a.tick();
        b.tick();

        assertThat(store.recentJobs("slack", EngineHarness.ALICE.user(), 10)).extracting(Job::id)
                .as("one job for the command").containsExactly(id);
        assertThat(b.trackedCount()).as("a holds it").isZero();
        assertThat(createRequests(simulator)).isEqualTo(1);
    }

    @Test
    void aGracefulStopHandsTheJobsOverAtOnce() {
        Engine a = instance("a", api(), null);
        Engine b = instance("b", api(), null);
        a.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1");
        a.tick();

        a.stopTicking();
        a.releaseLeases();

        assertThat(b.keepLeases()).as("no need to wait out the lease").isEqualTo(1);
    }

    @Test
    void aGracefulStopDoesNotWaitForAnUnsentJobAnotherInstanceTookOver() throws Exception {
        Engine a = instance("a", api(), null);
        Engine b = instance("b", api(), null);
        a.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1");
        clock.advance(TTL.plusSeconds(1));
        assertThat(b.keepLeases()).as("a paused before sending it: b takes it over").isEqualTo(1);
        a.keepLeases();

        Engine.Drained left = a.drainSubmissions(Duration.ofSeconds(3), Duration.ZERO);
        assertThat(left.unsent()).as("not a's to send any more").isZero();
    }

    @Test
    void anInstanceCutOffFromTheDatabaseForALeaseStopsSteppingItsJobs() {
        AtomicBoolean cutOff = new AtomicBoolean();
        JdbcLeases real = new JdbcLeases(db, "a", TTL);
        JobLeases flaky = mock(JobLeases.class, delegatesTo(real));
        doAnswer(call -> {
            if (cutOff.get()) {
                throw new StoreException("connection refused", null);
            }
            return real.renew(call.getArgument(0));
        }).when(flaky).renew(any());
        Engine a = instance(flaky, api(), null);
        a.commands().handle(EngineHarness.ALICE, "a cat surfing", "trigger-1");
        a.tick();
        a.keepLeases();

        cutOff.set(true);
        clock.advance(TTL.dividedBy(2));
        assertThat(a.keepLeases()).isZero();
        assertThat(a.trackedCount()).as("within its lease: still its own").isEqualTo(1);
        clock.advance(TTL);
        a.keepLeases();
        assertThat(a.trackedCount()).as("a lease without renewal: others may hold it now").isZero();

        cutOff.set(false);
        a.keepLeases();
        assertThat(a.trackedCount()).as("nobody took it: its own again").isEqualTo(1);
    }
}
