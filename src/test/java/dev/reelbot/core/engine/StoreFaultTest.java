package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.testing.FaultyJobStore.Call;
import dev.reelbot.testing.FaultyJobStore.When;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A store that fails exactly where money is at stake: the write after a create was answered, the claim and the
 * record of a refund notice, the mark before sending, the insert of a new job. Each fails either before it lands
 * or after (written, but reported as failed). One create per job, one notice per refund case, every job ends.
 */
class StoreFaultTest extends WithEngine {

    private Job settled(String text) {
        Reply reply = h.command(text);
        assertThat(reply.ok()).as(reply.text()).isTrue();
        h.runUntilSettled();
        return h.job(reply.jobId());
    }

    private long notices(Job job) {
        return h.chat.events("notice").stream().filter(n -> n.view().jobId().equals(job.id())).count();
    }

    @Test
    void aCreateWhoseAnswerCannotBeRecordedIsSentOnceAndEndsOutcomeUnknownWithOneNotice() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.task().taskId() != null, When.BEFORE);

        Job job = settled("a cat surfing");

        assertThat(createRequests(h.simulator)).as("never a second POST").isEqualTo(1);
        assertThat(job.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(job.task().taskId()).as("the task id heard, kept for the admins").startsWith("task_");
        assertThat(notices(job)).isEqualTo(1);
        assertThat(h.chat.events("notice").get(0).text()).contains(job.task().taskId());
        assertThat(((JobView) h.chat.current(job.message().ref().messageId())).headline())
                .isEqualTo("❓ Not confirmed");
    }

    @Test
    void aCreateWhoseAnswerWasRecordedDespiteTheErrorGoesOnNormally() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.task().taskId() != null, When.AFTER);

        Job job = settled("a cat surfing");

        assertThat(createRequests(h.simulator)).isEqualTo(1);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(notices(job)).isZero();
    }

    @Test
    void aMarkThatNeverLandedLeavesTheJobUnsentAndItIsSentOnceLater() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.state() == JobState.SENDING, When.BEFORE);

        Job job = settled("a cat surfing");

        assertThat(createRequests(h.simulator)).isEqualTo(1);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(notices(job)).as("never sent before: no refund case").isZero();
    }

    /**
     * ChaosTest's one "video uploaded twice": the upload went up, its record failed, the retry was answered 429, and
     * that definite "not this time" made the bot forget the first upload may have landed, so the attempt after it
     * uploaded without its key's "maybe sent": on Slack, which looks the file up by name only then, a second copy of
     * the video in the channel (Discord's nonce catches a repeat within minutes either way).
     */
    @Test
    void anUploadWhoseRecordFailedThenAnswered429IsFoundByItsKeyNotUploadedAgain() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.delivery().state() == DeliveryState.UPLOADED, When.BEFORE);
        String id = h.command("a cat surfing").jobId();
        h.runUntil(() -> !h.chat.events("upload").isEmpty());
        assertThat(h.job(id).delivery().state()).as("uploaded, not recorded").isEqualTo(DeliveryState.PENDING);
        h.chat.failNext("upload", new ChatException(ChatException.Kind.RATE_LIMITED, "upload: 429",
                Duration.ofSeconds(1), null));
        h.runUntilSettled();

        assertThat(h.job(id).delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.chat.events("upload")).as("the video uploaded once").hasSize(1);
    }

    @Test
    void aNoticePostedWhoseRecordFailsIsFoundByItsKeyNotPostedAgain() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.refund().state() == RefundState.OPEN, When.BEFORE);

        Job job = settled("a storm [fail]");

        assertThat(job.refund().state()).isEqualTo(RefundState.OPEN);
        assertThat(notices(job)).isEqualTo(1);
    }

    @Test
    void aClaimThatLandedThoughItsWriteFailedIsStillPostedOnce() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.refund().state() == RefundState.NOTIFYING, When.AFTER);

        Job job = settled("a storm [fail]");

        assertThat(job.refund().state()).isEqualTo(RefundState.OPEN);
        assertThat(notices(job)).isEqualTo(1);
    }

    @Test
    void anInsertThatLandedThoughItFailedIsAJobLikeAnyOther() {
        h.faults.failNext(Call.INSERT, j -> true, When.AFTER);

        Job job = settled("a cat surfing");

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(createRequests(h.simulator)).isEqualTo(1);
    }

    @Test
    void aRetriedCommandWhoseFirstAcceptFailedAfterTheInsertFindsAndRunsThatJob() throws Exception {
        // What a failed accept can leave: its row written, the poller never told.
        Job written = Job.submitting("left2345", "slack:trigger-1", EngineHarness.ALICE,
                VideoRequest.builder("a cat surfing", "sora-2").build(), null, h.clock.instant());
        h.store.insertWithinQuota(written, Admission.quotas(Quotas.DEFAULTS, h.clock.instant().minusSeconds(86_400)));

        Reply again = h.command(EngineHarness.ALICE, "a cat surfing", "slack:trigger-1");
        h.runUntilSettled();

        assertThat(again.text()).contains("already started");
        assertThat(h.job("left2345").delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(createRequests(h.simulator)).isEqualTo(1);
    }
}
