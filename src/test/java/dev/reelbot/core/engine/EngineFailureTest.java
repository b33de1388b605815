package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static dev.reelbot.simulator.SimulatorCounts.jobCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.testing.RecordingChatPort.Event;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a job can fail ends visibly for its requester, and billed failures raise exactly one notice. */
class EngineFailureTest {
    @TempDir
    Path dir;
    EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private JobView finalView(Job job) {
        return (JobView) h.chat.current(job.message().ref().messageId());
    }

    @Test
    void aFailedJobEndsWithTheReasonAndExactlyOneNotice() {
        h = new EngineHarness(dir);
        Reply reply = h.command("a storm [fail]");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        List<Event> notices = h.chat.events("notice");
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(RecordingChatPort.ADMIN_CHANNEL);
            assertThat(n.text()).contains("Refund needed").contains(reply.jobId()).contains("alice")
                    .contains("sora-2").contains(job.task().taskId()).contains("could not generate");
        });
        JobView.Failed result = (JobView.Failed) finalView(job).result();
        assertThat(result.refund()).isEqualTo(JobView.Refund.NOTIFIED);
        assertThat(result.reason()).contains("the model could not generate this video");
        assertThat(job.refund().state()).isEqualTo(RefundState.OPEN);
        assertThat(h.store.openRefunds()).extracting(Job::id).containsExactly(reply.jobId());
    }

    @Test
    void aJobPastItsModelsTimeLimitTimesOutWithANotice() {
        ModelSpec quick = new ModelSpec("sora-2", "Sora", ModelSpec.DurationField.SECONDS,
                ModelSpec.ImageField.INPUT_REFERENCE, false, List.of(4), List.of("720x1280"), Duration.ofMinutes(1));
        h = new EngineHarness(dir, Quotas.DEFAULTS, new ModelCatalog(List.of(quick)));
        Reply reply = h.command("patience [slow]");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(job.failure().message()).isEqualTo("it ran past the 1m limit for sora-2");
        assertThat(Duration.between(job.times().submittedAt(), job.times().finishedAt()))
                .isBetween(Duration.ofSeconds(60), Duration.ofSeconds(61));
        assertThat(h.chat.events("notice")).hasSize(1);
        assertThat(finalView(job).headline()).isEqualTo("⌛ Timed out");
    }

    @Test
    void aLostJobFailsAfterRepeatedTaskNotExist() {
        h = new EngineHarness(dir);
        Reply reply = h.command("gone [lost]");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure().code()).isEqualTo("task_lost");
        assertThat(h.chat.events("notice")).hasSize(1);
    }

    @Test
    void aModeratedPromptIsRefusedPrivatelyAndCostsNothing() {
        h = new EngineHarness(dir);
        Reply reply = h.command("something [moderated]");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.REJECTED);
        assertThat(h.chat.events("post")).isEmpty();
        assertThat(h.chat.events("notice")).isEmpty();
        assertThat(h.chat.events("whisper")).singleElement().satisfies(w -> assertThat(w.text())
                .contains("was not started").contains("safety system").contains("Nothing was charged"));
        assertThat(job.isSettled()).isTrue();
    }

    @Test
    void aSubmissionWithoutAnAnswerIsNeverResentAndRaisesANotice() {
        h = new EngineHarness(dir);
        Reply reply = h.command("waiting [hang]");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(createRequests(h.simulator)).isEqualTo(1);
        assertThat(jobCount(h.simulator)).as("the API did create it").isEqualTo(1);
        assertThat(h.chat.events("notice")).singleElement().satisfies(n -> assertThat(n.text())
                .contains("Submitted (maybe billed)").as("the notice points to the detail")
                .contains("status " + job.id()).doesNotContain("Exception"));
        assertThat(finalView(job).headline()).isEqualTo("❓ Not confirmed");
        assertThat(((JobView.Failed) finalView(job).result()).reason()).as("plain words for the requester")
                .contains("did not confirm it took the job").doesNotContain("Exception").doesNotContain("127.0.0.1");
        assertThat(h.command(EngineHarness.ADMIN, "status " + job.id(), "status-admin").text())
                .as("the detail stays at hand for admins")
                .contains("Why: the video API did not confirm").contains("SocketTimeoutException");
        assertThat(h.command("status " + job.id()).text()).as("the requester gets plain words")
                .contains("Why: the video API did not confirm").doesNotContain("Exception");
    }

    @Test
    void aSoraVideoTooLargeToUploadWithNoLinkAndNoFfmpegIsKeptWithADeliveryNoticeNeverARefund() {
        h = new EngineHarness(dir);
        h.chat.setUploadLimit(10L * 1024 * 1024);
        Reply reply = h.command("huge [big]");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UNDELIVERED);
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
        assertThat(finalView(job).headline()).isEqualTo("📦 Video made, kept for you");
        assertThat(((JobView.Kept) finalView(job).result()).reason()).contains("over the 10.0 MB upload limit");
        assertThat(h.chat.events("notice")).singleElement().satisfies(n -> {
            assertThat(((NoticeView) n.view()).kind()).isEqualTo(NoticeKind.DELIVERY);
            assertThat(n.text()).contains("📦 Video not delivered").doesNotContain("Refund");
        });
    }

    @Test
    void anAdminNoticeThatCannotBePostedIsRetriedAndTheRequesterStillSeesTheFailure() {
        h = new EngineHarness(dir);
        Reply reply = h.command("a storm [fail]");
        h.tick();
        for (int i = 0; i < 3; i++) {
            h.chat.failNext("post", new ChatException(ChatException.Kind.TRANSIENT, "admin channel unavailable"));
        }
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(h.chat.events("notice")).hasSize(1);
        assertThat(((JobView.Failed) finalView(job).result()).refund()).isEqualTo(JobView.Refund.NOTIFIED);
    }

    @Test
    void aRequesterReachableNowhereStillLetsTheJobSettleAndTheAdminsHear() {
        h = new EngineHarness(dir);
        h.chat.refuseChannel("C1");
        Reply reply = h.command("a cat");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UNDELIVERED);
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
        assertThat(job.isSettled()).isTrue();
        assertThat(h.chat.events("post")).isEmpty();
        assertThat(h.chat.events("notice")).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("Video not delivered").contains("could not be reached"));
    }
}
