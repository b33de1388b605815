package dev.reelbot.core.engine;

import static dev.reelbot.core.job.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.reelbot.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's order of work when the workers cannot keep up: steps users wait for (a poll expected to find the
 * job finished) go before routine progress polls, no more steps run at once than there are worker threads, and the
 * job steps leave room for the other work on the same pool. The workers here are a queue the test runs by hand.
 */
class PollerTest {
    final MutableClock clock = new MutableClock(T0);
    final Queue<Runnable> workers = new ArrayDeque<>();
    final List<String> stepped = Collections.synchronizedList(new ArrayList<>());
    /** Per job: how long after a step it is due again, and whether that next step is routine. */
    final Map<String, Duration> every = new HashMap<>();
    final Map<String, Boolean> routine = new HashMap<>();
    boolean rejecting;
    /** A job whose next step throws this, once. */
    final Map<String, Error> crashes = new HashMap<>();

    Poller poller(int threads) {
        return new Poller(job -> {
            job.awaitingSubmission = false;
            stepped.add(job.jobId);
            Error crash = crashes.remove(job.jobId);
            if (crash != null) {
                throw crash;
            }
            job.routine = routine.getOrDefault(job.jobId, false);
            return Optional.of(clock.instant().plus(every.getOrDefault(job.jobId, Duration.ofSeconds(1))));
        }, task -> {
            if (rejecting) {
                throw new RejectedExecutionException("shut down");
            }
            workers.add(task);
        }, threads, Runnable::run, clock);
    }

    /** Tracks the jobs and sends their create step (run at once here), so each is then due again in its interval. */
    void track(Poller poller, List<String> jobIds, boolean routineAfter, Duration interval) {
        for (String jobId : jobIds) {
            routine.put(jobId, routineAfter);
            every.put(jobId, interval);
            poller.trackNew(jobId, clock.instant());
        }
        poller.tick();
        stepped.clear();
    }

    static List<String> jobs(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("%s%02d", prefix, i));
        }
        return ids;
    }

    @Test
    void aJobAboutToFinishIsPolledBeforeABacklogOfRoutinePolls() {
        Poller poller = poller(1);
        List<String> backlog = jobs("routine-", 20);
        track(poller, backlog, true, Duration.ofSeconds(1));
        track(poller, List.of("finishing"), false, Duration.ofSeconds(2));

        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        assertThat(workers).as("one runner for one worker thread").hasSize(1);
        workers.remove().run();
        assertThat(stepped).as("a runner takes a few steps, then makes way").hasSize(8);

        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        assertThat(workers).as("still one runner").hasSize(1);
        stepped.clear();
        workers.remove().run();
        assertThat(stepped.get(0)).as("due after the backlog, stepped before it").isEqualTo("finishing");
        runAll();
        assertThat(stepped).as("every job stepped once").hasSize(21).doesNotHaveDuplicates();
    }

    @Test
    void otherWorkOnThePoolIsNotHeldUpBehindTheBacklog() {
        Poller poller = poller(1);
        track(poller, jobs("routine-", 20), true, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        List<String> order = new ArrayList<>();
        workers.add(() -> order.add("a platform's command"));
        workers.remove().run();
        order.add("steps so far: " + stepped.size());
        runAll();
        assertThat(order).containsExactly("steps so far: 8", "a platform's command");
        assertThat(stepped).hasSize(20);
    }

    @Test
    void neverMoreStepsAtOnceThanWorkerThreads() {
        Poller poller = poller(3);
        track(poller, jobs("job-", 10), true, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        poller.tick();
        assertThat(workers).hasSize(3);
        assertThat(poller.inFlightCount()).as("claimed: due, and not stepped again until done").isEqualTo(10);
        runAll();
        assertThat(stepped).hasSize(10).doesNotHaveDuplicates();
        assertThat(poller.inFlightCount()).isZero();
    }

    @Test
    void aWakeUpTakesARoutineJobOutOfTurn() {
        Poller poller = poller(1);
        track(poller, List.of("slow"), true, Duration.ofSeconds(30));
        poller.wake("slow");
        poller.tick();
        runAll();
        assertThat(stepped).containsExactly("slow");
    }

    @Test
    void stepsAPoolRefusesWaitAndRunLater() {
        Poller poller = poller(1);
        track(poller, jobs("job-", 3), false, Duration.ofSeconds(1));
        rejecting = true;
        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        assertThat(stepped).isEmpty();
        assertThat(poller.trackedCount()).as("nothing dropped").isEqualTo(3);
        assertThat(poller.inFlightCount()).isZero();

        rejecting = false;
        clock.advance(Duration.ofSeconds(29));
        poller.tick();
        assertThat(workers).as("not before the retry delay").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        runAll();
        assertThat(stepped).hasSize(3).doesNotHaveDuplicates();
    }

    private void runAll() {
        while (!workers.isEmpty()) {
            workers.remove().run();
        }
    }

    @Test
    void aRoutineStepThatWaitedLongEnoughGoesBeforeNewUrgentOnes() {
        Poller poller = poller(1);
        track(poller, List.of("patient"), true, Duration.ofSeconds(1));
        track(poller, jobs("urgent-", 10), false, Duration.ofSeconds(31));
        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        assertThat(workers).hasSize(1);
        clock.advance(WaitingSteps.PATIENCE);
        poller.tick();
        workers.remove().run();
        assertThat(stepped.get(0)).as("waited its patience out").isEqualTo("patient");
        runAll();
        assertThat(stepped).hasSize(11);
    }

    @Test
    void aWakeUpMovesAWaitingRoutineStepAheadOfTheOthers() {
        Poller poller = poller(1);
        track(poller, jobs("routine-", 20), true, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        poller.wake("routine-19");
        workers.remove().run();
        assertThat(stepped.get(0)).isEqualTo("routine-19");
        runAll();
        assertThat(stepped).as("and it is not stepped twice for it").hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aStepThatThrowsAnErrorKeepsItsJobAndItsRunnerSlot() {
        Poller poller = poller(1);
        track(poller, List.of("boom", "calm"), false, Duration.ofSeconds(1));
        crashes.put("boom", new StackOverflowError("a bug"));
        clock.advance(Duration.ofSeconds(1));
        poller.tick();
        assertThatThrownBy(() -> workers.remove().run()).isInstanceOf(StackOverflowError.class);
        assertThat(poller.trackedCount()).isEqualTo(2);

        poller.tick();
        runAll();
        assertThat(stepped).as("the other job still runs").containsExactly("boom", "calm");
        stepped.clear();
        clock.advance(Duration.ofSeconds(30));
        poller.tick();
        runAll();
        assertThat(stepped).as("the crashed job is stepped again later").contains("boom");
    }

    @Test
    void anErrorInAScheduledTickIsLoggedAndTickingGoesOn() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger handOffs = new AtomicInteger();
        Poller poller = new Poller(job -> {
            stepped.add(job.jobId);
            return Optional.empty();
        }, Runnable::run, 1, task -> {
            handOffs.incrementAndGet();
            if (failing.get()) {
                throw new StackOverflowError("a bug in the tick");
            }
            task.run();
        }, clock);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            poller.trackNew("job", clock.instant());
            poller.start(scheduler, Duration.ofMillis(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> handOffs.get() > 0);
            failing.set(false);
            clock.advance(Duration.ofSeconds(30));

            await().atMost(Duration.ofSeconds(10)).until(() -> stepped.contains("job"));
            assertThat(poller.stall()).isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aSchedulerThatStoppedTickingIsReportedStalled() throws Exception {
        Poller poller = poller(1);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        poller.start(scheduler, Duration.ofMillis(5));
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(poller.stall()).isEmpty();

        clock.advance(Duration.ofSeconds(31));
        assertThat(poller.stall()).hasValueSatisfying(why -> assertThat(why).contains("no scheduler tick"));
    }

    @Test
    void aJobWokenAtOnceIsSteppedOnThePoolWithoutWaitingForATick() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            every.put("job", Duration.ofMinutes(1));
            Poller poller = new Poller(job -> {
                job.awaitingSubmission = false;
                stepped.add(job.jobId);
                return Optional.of(clock.instant().plus(every.get(job.jobId)));
            }, pool, 2, Runnable::run, clock);
            poller.trackNew("job", clock.instant());
            poller.tick();
            await().atMost(Duration.ofSeconds(10)).until(() -> stepped.size() == 1);

            poller.wakeNow("job");

            await().atMost(Duration.ofSeconds(10)).until(() -> stepped.size() == 2);
            clock.advance(Duration.ofSeconds(30));
            poller.tick();
            assertThat(stepped).as("the wake-up did not leave a second step due as well").hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withInlineWorkersAWakeUpWaitsForTheNextTick() {
        Poller poller = poller(1);
        every.put("job", Duration.ofMinutes(1));
        poller.trackNew("job", clock.instant());
        poller.tick();
        assertThat(stepped).containsExactly("job");
        stepped.clear();

        poller.wakeNow("job");
        assertThat(workers).as("nothing handed to the workers before a tick").isEmpty();
        poller.tick();
        workers.poll().run();
        assertThat(stepped).containsExactly("job");
    }
}
