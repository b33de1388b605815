package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.testing.FaultyJobStore.Call;
import dev.reelbot.testing.FaultyJobStore.When;
import dev.reelbot.testing.RecordingChatPort.Event;
import dev.reelbot.videoapi.TestApis;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Restarts and overlapping polls never lose a job, post twice, notify twice or submit twice. */
class EngineRestartTest extends WithEngine {
    private void advance(int seconds) {
        for (int i = 0; i < seconds; i++) {
            h.clock.advance(Duration.ofSeconds(1));
            h.tick();
        }
    }

    @Test
    void aPlatformStillConnectingAfterAStartDelaysItsJobsWithoutCountingFailures() {
        h.chat.setReady(false);
        String id = h.command("a cat surfing").jobId();
        advance(60);

        Job waiting = h.job(id);
        assertThat(waiting.state()).as("polled meanwhile").isEqualTo(JobState.COMPLETED);
        assertThat(waiting.delivery().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.delivery().attempts()).as("no attempt spent on a platform not there").isZero();
        assertThat(h.chat.callsWhileNotReady()).isZero();

        h.chat.setReady(true);
        h.runUntilSettled();
        Job done = h.job(id);
        assertThat(done.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(((JobView) h.chat.current(done.message().ref().messageId())).isFinal()).isTrue();
        assertThat(h.chat.events("post")).hasSize(1);
        assertThat(h.chat.events("notice")).isEmpty();
    }

    @Test
    void aRestartInTheMiddleKeepsEditingTheSameMessageToTheEnd() {
        Reply reply = h.command("a cat surfing");
        h.tick();
        advance(5);
        String message = h.chat.events("post").get(0).messageId();
        int before = h.job(reply.jobId()).task().progress();
        assertThat(before).isBetween(1, 99);

        assertThat(h.restart()).isEqualTo(1);
        h.runUntilSettled();

        assertThat(h.chat.events("post")).hasSize(1);
        assertThat(h.chat.events("edit")).allSatisfy(e -> assertThat(e.messageId()).isEqualTo(message));
        assertThat(((JobView) h.chat.current(message)).headline()).isEqualTo("✅ Video ready");
        assertThat(createRequests(h.simulator)).isEqualTo(1);
    }

    @Test
    void aJobNeverSentBeforeARestartIsSentAfterItAndIsNoRefundCase() {
        Reply reply = h.command("a cat surfing");
        assertThat(h.job(reply.jobId()).state()).isEqualTo(JobState.SUBMITTING);

        h.restart();
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(createRequests(h.simulator)).isEqualTo(1);
        assertThat(h.chat.events("notice")).isEmpty();
    }

    @Test
    void aJobFoundSendingAtStartUpIsOutcomeUnknownNeverSentAndNotifiedOnce() {
        Reply reply = h.command("a cat surfing");
        h.store.compareAndSet(Transitions.sending(h.job(reply.jobId()), h.clock.instant())).orElseThrow();

        h.restart();
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(job.failure().message()).contains("stopped while sending");
        assertThat(createRequests(h.simulator)).isZero();
        assertThat(h.chat.events("notice")).hasSize(1);
        assertThat(((JobView) h.chat.current(job.message().ref().messageId())).headline())
                .isEqualTo("❓ Not confirmed");
    }

    @Test
    void anUploadWhoseAnswerWasLostIsFoundByItsKeyNotUploadedAgain() {
        h.chat.loseNextUploadAnswer();
        String id = h.command("a cat surfing").jobId();
        h.runUntilSettled();

        assertThat(h.job(id).delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.chat.events("upload")).hasSize(1);
    }

    @Test
    void anUploadThatWentUpButWasNotRecordedBeforeARestartIsFoundNotUploadedAgain() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.delivery().state() == DeliveryState.UPLOADED, When.BEFORE);
        String id = h.command("a cat surfing").jobId();
        h.runUntil(() -> !h.chat.events("upload").isEmpty());
        assertThat(h.job(id).delivery().uploadStartedAt()).as("marked before it went out").isNotNull();

        h.restart();
        h.runUntilSettled();

        assertThat(h.job(id).delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.chat.events("upload")).as("found by its key after the restart").hasSize(1);
    }

    @Test
    void aDuplicateTickChangesNothing() {
        Reply reply = h.command("a storm [fail]");
        h.runUntilSettled();
        int events = h.chat.events().size();

        h.engine.poller().wake(reply.jobId());
        h.tick();
        h.tick();
        h.restart();
        h.tick();
        h.clock.advance(Duration.ofMinutes(5));
        h.tick();

        assertThat(h.chat.events()).hasSize(events);
        assertThat(h.chat.events("notice")).hasSize(1);
    }

    @Test
    void twoPollersSteppingTheSameJobsPostOneNoticeEach() throws Exception {
        List<String> ids = List.of(h.command("one [fail]").jobId(), h.command("two [fail]").jobId(),
                h.command("three [fail]").jobId());
        h.tick();
        advance(4);
        h.restart();
        Engine second = secondEngineOnTheSameStore();
        second.resume();
        h.clock.advance(Duration.ofSeconds(10));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> a = threads.submit(() -> tickAfter(together, h.engine));
                Future<?> b = threads.submit(() -> tickAfter(together, second));
                a.get();
                b.get();
                h.clock.advance(Duration.ofSeconds(1));
            }
        } finally {
            threads.shutdownNow();
        }

        List<Event> notices = h.chat.events("notice");
        assertThat(notices).hasSize(3);
        assertThat(notices.stream().map(n -> n.view().jobId()).distinct()).hasSize(3);
        for (String id : ids) {
            assertThat(h.job(id).refund().state()).isEqualTo(RefundState.OPEN);
        }
    }

    @Test
    void aNoticeClaimedBeforeARestartIsPostedAgainMarkedAsAPossibleRepeat() {
        Reply reply = h.command("a storm [fail]");
        h.tick();
        advance(3);
        Job running = h.job(reply.jobId());
        TaskStatus failed = new TaskStatus(running.task().taskId(), TaskPhase.FAILED, "failed", 60, null, null, null,
                null, null, "the model could not generate this video", "generation_failed");
        Job claimedThenCrashed = Transitions.noticeClaimed(Transitions.polled(running, failed, h.clock.instant()),
                h.clock.instant());
        h.store.compareAndSet(claimedThenCrashed).orElseThrow();

        h.restart();
        h.runUntilSettled();

        assertThat(h.chat.events("notice")).singleElement()
                .satisfies(n -> assertThat(((NoticeView) n.view()).repeated()).isTrue());
        assertThat(h.job(reply.jobId()).refund().state()).isEqualTo(RefundState.OPEN);
    }

    /**
     * A second engine racing the first over the same rows: one process may hold a SQLite database (the second
     * would be refused), so it shares the first one's store; the compare-and-set is what keeps them apart.
     */
    private Engine secondEngineOnTheSameStore() {
        VideoApi api = TestApis.forSimulator(h.simulator, h.models, h.clock, Duration.ofSeconds(2));
        return new Engine(new Engine.Parts(h.store, api, List.of(h.chat), h.models, Limits.DEFAULTS,
                Quotas.DEFAULTS, new Admins(Set.of()), EngineSettings.defaults(dir.resolve("videos2")),
                64L * 1024 * 1024, "/video"), Runnable::run, h.clock);
    }

    private static void tickAfter(CyclicBarrier barrier, Engine engine) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        engine.tick();
    }
}
