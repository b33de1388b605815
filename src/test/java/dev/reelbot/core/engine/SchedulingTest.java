package dev.reelbot.core.engine;

import static dev.reelbot.core.job.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobMessage;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.core.render.Renderer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure timing rules: poll intervals, backoff, the watchdog, when to edit, the due queue. */
class SchedulingTest {
    private static final EngineSettings S = EngineSettings.defaults(Path.of("videos"));
    private static final double NO_JITTER = 0.5;

    @Test
    void pollsQuicklyAtFirstAndNearTheEnd() {
        Job fresh = TestJobs.queued();
        assertThat(PollSchedule.next(fresh, T0.plusSeconds(2), S, NO_JITTER)).isEqualTo(S.minPollInterval());
        Job nearlyDone = TestJobs.running(92, T0.plusSeconds(300));
        assertThat(PollSchedule.next(nearlyDone, T0.plusSeconds(300), S, NO_JITTER)).isEqualTo(S.minPollInterval());
    }

    @Test
    void anEarlyLowProgressReadingDoesNotPushThePollFarAway() {
        Job early = TestJobs.running(2, T0.plusSeconds(3));
        assertThat(PollSchedule.next(early, T0.plusSeconds(1).plusMillis(2500), S, NO_JITTER))
                .as("2%% after 2.5 s would mean two minutes to go; the job is only 2.5 s old")
                .isEqualTo(S.minPollInterval());
        Job later = TestJobs.running(40, T0.plusSeconds(60));
        assertThat(PollSchedule.next(later, T0.plusSeconds(61), S, NO_JITTER))
                .as("a quarter of its age").isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void nearTheEndPollsWhenTheJobShouldFinish() {
        Job ninety = TestJobs.running(90, T0.plusSeconds(10));
        assertThat(PollSchedule.next(ninety, T0.plusSeconds(1).plusSeconds(9), S, NO_JITTER))
                .as("9 s for 90%%: one more second, plus a margin").isEqualTo(Duration.ofMillis(1250));
        Job almost = TestJobs.running(99, T0.plusSeconds(10));
        assertThat(PollSchedule.next(almost, T0.plusSeconds(1).plusSeconds(99), S, 0.0))
                .as("never a tight loop, never jittered").isEqualTo(Duration.ofMillis(1250));
        Job longRunning = TestJobs.running(95, T0.plusSeconds(600));
        assertThat(PollSchedule.next(longRunning, T0.plusSeconds(1).plusSeconds(950), S, NO_JITTER))
                .as("never later than the shortest interval").isEqualTo(S.minPollInterval());
    }

    @Test
    void pollsSlowlyInTheMiddleOfALongJob() {
        Job slow = TestJobs.running(20, T0.plusSeconds(600));
        assertThat(PollSchedule.next(slow, T0.plusSeconds(600), S, NO_JITTER)).isEqualTo(S.maxPollInterval());
        Job mid = TestJobs.running(50, T0.plusSeconds(40));
        Duration wait = PollSchedule.next(mid, T0.plusSeconds(41), S, NO_JITTER);
        assertThat(wait).isBetween(S.minPollInterval(), S.maxPollInterval());
    }

    @Test
    void jitterSpreadsPolls() {
        Job slow = TestJobs.running(20, T0.plusSeconds(600));
        Duration low = PollSchedule.next(slow, T0.plusSeconds(600), S, 0.0);
        Duration high = PollSchedule.next(slow, T0.plusSeconds(600), S, 0.999);
        assertThat(low).isEqualTo(Duration.ofSeconds(24));
        assertThat(high).isBetween(Duration.ofMillis(35_900), Duration.ofSeconds(36));
    }

    @Test
    void backoffDoublesAndHonoursRetryAfter() {
        assertThat(PollSchedule.backoff(1, null, S, NO_JITTER)).isEqualTo(Duration.ofSeconds(4));
        assertThat(PollSchedule.backoff(3, null, S, NO_JITTER)).isEqualTo(Duration.ofSeconds(16));
        assertThat(PollSchedule.backoff(30, null, S, NO_JITTER)).isEqualTo(Duration.ofMinutes(5));
        assertThat(PollSchedule.backoff(1, Duration.ofSeconds(90), S, NO_JITTER)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void watchdogEnforcesTheTimeLimitAndProgress() {
        ModelSpec sora = ModelSpec.defaultsFor("sora-2");
        Job running = TestJobs.running(30, T0.plusSeconds(60));
        assertThat(Watchdog.verdict(running, sora, Duration.ofMinutes(15), T0.plusSeconds(600))).isEmpty();
        assertThat(Watchdog.verdict(running, sora, Duration.ofMinutes(15), T0.plusSeconds(60 + 900)))
                .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("no_progress"));
        assertThat(Watchdog.verdict(running, sora, Duration.ofHours(2), T0.plusSeconds(1 + 1800)))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("30m limit for sora-2"));
        Job queued = TestJobs.queued();
        assertThat(Watchdog.verdict(queued, sora, Duration.ofMinutes(15), T0.plusSeconds(1200)))
                .as("a slow queue is not a stall").isEmpty();
    }

    @Test
    void editsOnlyWhenSomethingVisibleChangedAndNotTooOften() {
        Renderer renderer = new Renderer(TestJobs.MODELS);
        Job job = TestJobs.running(40, T0);
        JobView view = renderer.render(job, T0.plusSeconds(10));
        String fp = Fingerprint.of(view);
        MessageRef ref = new MessageRef("slack", "C1", "1.0");
        assertThat(EditPolicy.due(JobMessage.NONE, view.isFinal(), fp, T0, S)).as("post at once").isEqualTo(T0);
        JobMessage same = new JobMessage(ref, fp, T0, false, null);
        assertThat(EditPolicy.due(same, view.isFinal(), fp, T0.plusSeconds(1), S)).as("heartbeat only")
                .isEqualTo(T0.plus(S.heartbeat()));
        JobMessage older = new JobMessage(ref, "other", T0, false, null);
        assertThat(EditPolicy.due(older, view.isFinal(), fp, T0.plusSeconds(1), S))
                .as("not more often than the interval").isEqualTo(T0.plus(S.editInterval()));
        assertThat(EditPolicy.due(older, view.isFinal(), fp, T0.plusSeconds(10), S)).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void finalViewsSkipTheIntervalAndStopOnceShown() {
        Renderer renderer = new Renderer(TestJobs.MODELS);
        Job done = Transitions.delivered(TestJobs.completed(null), DeliveryState.UPLOADED, "ok", null, null, null, T0);
        JobView view = renderer.render(done, T0);
        String fp = Fingerprint.of(view);
        MessageRef ref = new MessageRef("slack", "C1", "1.0");
        assertThat(EditPolicy.due(new JobMessage(ref, "other", T0, false, null), view.isFinal(), fp,
                T0.plusMillis(1), S)).isEqualTo(T0.plusMillis(1));
        assertThat(EditPolicy.due(new JobMessage(ref, fp, T0, true, null), view.isFinal(), fp, T0.plusSeconds(999),
                S)).isNull();
    }

    @Test
    void dueQueueGivesEachJobOnceInTimeOrder() {
        DueQueue queue = new DueQueue();
        queue.schedule("b", T0.plusSeconds(2));
        queue.schedule("a", T0.plusSeconds(1));
        queue.schedule("c", T0.plusSeconds(9));
        queue.schedule("b", T0.plusSeconds(3));
        queue.scheduleNoLaterThan("c", T0.plusSeconds(4));
        queue.scheduleNoLaterThan("a", T0.plusSeconds(5));
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.takeDue(T0)).isEmpty();
        assertThat(queue.takeDue(T0.plusSeconds(3))).containsExactly("a", "b");
        assertThat(queue.takeDue(T0.plusSeconds(3))).isEmpty();
        queue.remove("c");
        assertThat(queue.takeDue(Instant.MAX)).isEmpty();
    }

    @Test
    void routineStepsWaitInTheirOwnLaneUntilAskedFor() {
        DueQueue queue = new DueQueue();
        queue.schedule("progress", T0.plusSeconds(1), true);
        queue.schedule("finishing", T0.plusSeconds(2), false);
        queue.schedule("moved", T0.plusSeconds(1), false);
        queue.schedule("moved", T0.plusSeconds(1), true);
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.takeDueRoutine(T0)).isNull();
        assertThat(queue.takeDue(T0.plusSeconds(5))).as("urgent ones only").containsExactly("finishing");
        assertThat(queue.takeDueRoutine(T0.plusSeconds(5))).as("due together: in the order scheduled")
                .isEqualTo("progress");
        assertThat(queue.takeDueRoutine(T0.plusSeconds(5))).isEqualTo("moved");
        assertThat(queue.takeDueRoutine(T0.plusSeconds(5))).isNull();

        queue.schedule("woken", T0.plusSeconds(30), true);
        queue.scheduleNoLaterThan("woken", T0);
        assertThat(queue.takeDueRoutine(T0)).as("a wake-up makes it urgent").isNull();
        assertThat(queue.takeDue(T0)).containsExactly("woken");
        queue.schedule("early", T0, true);
        queue.scheduleNoLaterThan("early", T0.plusSeconds(9));
        assertThat(queue.takeDue(T0)).as("kept its earlier time, now urgent").containsExactly("early");
        assertThat(queue.size()).isZero();
    }

    @Test
    void onlyAJobWhoseProgressSaysItIsAboutToFinishIsNearItsEnd() {
        assertThat(PollSchedule.nearEnd(TestJobs.queued(), T0.plusSeconds(5), S)).as("no progress yet").isFalse();
        assertThat(PollSchedule.nearEnd(TestJobs.running(20, T0.plusSeconds(60)), T0.plusSeconds(61), S)).isFalse();
        assertThat(PollSchedule.nearEnd(TestJobs.running(92, T0.plusSeconds(300)), T0.plusSeconds(301), S))
                .as("90%% or more").isTrue();
        assertThat(PollSchedule.nearEnd(TestJobs.running(60, T0.plusSeconds(6)), T0.plusSeconds(7), S))
                .as("6 s for 60%%: 4 s to go, under three shortest intervals").isTrue();
        assertThat(PollSchedule.nearEnd(TestJobs.completed(null), T0.plusSeconds(7), S)).isFalse();
    }
}
