package dev.reelbot.core.job;

import static dev.reelbot.core.job.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.MessageRef;
import dev.reelbot.core.TaskPhase;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    @Test
    void submittedRecordsTheTaskAndWhenItWasBilled() {
        Job job = TestJobs.queued();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.task().taskId()).isEqualTo("task_1");
        assertThat(job.times().submittedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(job.isSettled()).isFalse();
    }

    @Test
    void aRefusedSubmissionCostsNothingAndNeedsNoRefund() {
        Job job = Transitions.rejected(TestJobs.sending(), new Failure("bad size", "invalid_size"), T0);
        assertThat(job.state()).isEqualTo(JobState.REJECTED);
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
        assertThat(job.times().finishedAt()).isEqualTo(T0);
        assertThat(job.isSettled()).as("the requester has not been told yet").isFalse();
        assertThat(Transitions.toldPrivately(job, T0).isSettled()).isTrue();
    }

    @Test
    void anUnknownSubmissionNeedsARefundNotice() {
        Job job = Transitions.submitUnknown(TestJobs.sending(), new Failure("timeout", "submit_unknown"), null, T0);
        assertThat(job.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(job.refund().state()).isEqualTo(RefundState.NEEDED);
        assertThat(job.refund().reason()).isEqualTo("timeout");
    }

    @Test
    void progressNeverGoesBackwardsAndRunningNeverReturnsToQueued() {
        Job job = TestJobs.running(40, T0.plusSeconds(5));
        Job glitch = Transitions.polled(job, TestJobs.status(TaskPhase.QUEUED, 10), T0.plusSeconds(6));
        assertThat(glitch.state()).isEqualTo(JobState.RUNNING);
        assertThat(glitch.task().progress()).isEqualTo(40);
        assertThat(glitch.times().progressAt()).as("no movement").isEqualTo(T0.plusSeconds(5));
        Job moved = Transitions.polled(glitch, TestJobs.status(TaskPhase.RUNNING, 55), T0.plusSeconds(7));
        assertThat(moved.times().progressAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void progressMissingKeepsTheLastValue() {
        Job job = Transitions.polled(TestJobs.running(40, T0), TestJobs.status(TaskPhase.RUNNING, null), T0);
        assertThat(job.task().progress()).isEqualTo(40);
    }

    @Test
    void completionMakesTheVideoPending() {
        Job job = TestJobs.completed("https://cdn/v.mp4");
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.task().progress()).isEqualTo(100);
        assertThat(job.task().videoUrl()).isEqualTo("https://cdn/v.mp4");
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
    }

    @Test
    void apiFailureNeedsARefundWithTheReason() {
        Job job = TestJobs.failed();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure().message()).contains("the model could not generate this video");
        assertThat(job.failure().code()).isEqualTo("generation_failed");
        assertThat(job.refund().state()).isEqualTo(RefundState.NEEDED);
    }

    @Test
    void aTaskIsLostOnlyAfterSeveralMissingAnswersInARow() {
        Job job = TestJobs.running(30, T0);
        job = Transitions.taskMissing(job, 3, T0.plusSeconds(1));
        job = Transitions.taskMissing(job, 3, T0.plusSeconds(2));
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        Job recovered = Transitions.polled(job, TestJobs.status(TaskPhase.RUNNING, 35), T0.plusSeconds(3));
        assertThat(recovered.task().missingPolls()).isZero();
        job = Transitions.taskMissing(job, 3, T0.plusSeconds(3));
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure().code()).isEqualTo("task_lost");
        assertThat(job.refund().state()).isEqualTo(RefundState.NEEDED);
    }

    @Test
    void aVideoNoChatTookIsUndeliveredWithADeliveryNoticeAndNeverARefundCase() {
        Job job = Transitions.deliveryAttemptFailed(TestJobs.completed(null), "503", T0);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(job.delivery().attempts()).isEqualTo(1);

        Job kept = Transitions.undelivered(job, new Failure("the upload kept failing", "undelivered"), null,
                "/data/media/abcd2345.mp4", T0);

        assertThat(kept.delivery().state()).isEqualTo(DeliveryState.UNDELIVERED);
        assertThat(kept.delivery().notice()).isEqualTo(NoticeState.NEEDED);
        assertThat(kept.delivery().kept()).isEqualTo("/data/media/abcd2345.mp4");
        assertThat(kept.refund().state()).isEqualTo(RefundState.NONE);
        assertThat(kept.failure().message()).as("kept for /video status").isEqualTo("the upload kept failing");
        assertThat(kept.isSettled()).isFalse();
        Job claimed = Transitions.deliveryNoticeClaimed(kept, T0);
        assertThatThrownBy(() -> Transitions.deliveryNoticeClaimed(claimed, T0)).as("a second claim loses")
                .isInstanceOf(JobMovedOn.class);
        MessageRef notice = new MessageRef("slack", "C_ADMIN", "9.9");
        Job posted = Transitions.deliveryNoticePosted(claimed, notice, T0);
        assertThat(posted.delivery().notice()).isEqualTo(NoticeState.POSTED);
        assertThat(posted.delivery().noticeRef()).isEqualTo(notice);
        assertThat(Transitions.shown(posted, new MessageRef("slack", "C1", "1.0"), "f", true, T0).isSettled())
                .isTrue();
    }

    @Test
    void deliveredJobsSettleOnceTheFinalViewIsShown() {
        Job job = Transitions.delivered(TestJobs.completed(null), DeliveryState.UPLOADED, "uploaded", null, null,
                null, T0);
        assertThat(job.isSettled()).isFalse();
        MessageRef ref = new MessageRef("slack", "C1", "1.0");
        assertThat(Transitions.shown(job, ref, "f", true, T0).isSettled()).isTrue();
    }

    @Test
    void noticeIsClaimedPostedAndResolvedInOrder() {
        Job job = TestJobs.failed();
        assertThatThrownBy(() -> Transitions.noticePosted(job, null, T0)).isInstanceOf(JobMovedOn.class);
        Job claimed = Transitions.noticeClaimed(job, T0);
        assertThat(claimed.refund().state()).isEqualTo(RefundState.NOTIFYING);
        assertThatThrownBy(() -> Transitions.noticeClaimed(claimed, T0)).as("a second claim loses")
                .isInstanceOf(JobMovedOn.class);
        MessageRef notice = new MessageRef("slack", "C_ADMIN", "9.9");
        Job open = Transitions.noticePosted(claimed, notice, T0);
        assertThat(open.refund().state()).isEqualTo(RefundState.OPEN);
        Job resolved = Transitions.resolved(open, "bob", "refunded 2 credits", T0.plusSeconds(60));
        assertThat(resolved.refund()).extracting(JobRefund::state, JobRefund::resolvedBy, JobRefund::note)
                .containsExactly(RefundState.RESOLVED, "bob", "refunded 2 credits");
        assertThat(resolved.refund().notice()).isEqualTo(notice);
    }

    @Test
    void timeoutOnlyForUnfinishedJobs() {
        Job job = Transitions.timedOut(TestJobs.running(10, T0), new Failure("too slow", "time_limit"), T0);
        assertThat(job.state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(job.refund().state()).isEqualTo(RefundState.NEEDED);
        assertThatThrownBy(() -> Transitions.timedOut(job, new Failure("x", "y"), T0))
                .isInstanceOf(JobMovedOn.class);
    }

    @Test
    void anUnreachableRequesterGetsTheAdminsToldButAGeneratedVideoIsNeverARefundCase() {
        Job job = Transitions.delivered(TestJobs.completed(null), DeliveryState.UPLOADED, "ok", null, null, null, T0);
        Job given = Transitions.unreachable(job, "channel archived", T0);
        assertThat(given.message().finalShown()).isTrue();
        assertThat(given.refund().state()).as("the video is in the chat").isEqualTo(RefundState.NONE);
        Job pending = Transitions.unreachable(TestJobs.completed(null), "channel archived", T0);
        assertThat(pending.refund().state()).as("the delivery raises a delivery notice instead")
                .isEqualTo(RefundState.NONE);
        Job running = Transitions.unreachable(TestJobs.running(40, T0), "channel archived", T0);
        assertThat(running.refund().state()).as("left to end first").isEqualTo(RefundState.NONE);
        Job thenFailed = Transitions.timedOut(running, new Failure("too slow", "time_limit"), T0);
        assertThat(thenFailed.refund().state()).isEqualTo(RefundState.NEEDED);
        Job refused = Transitions.unreachable(Transitions.timedOut(TestJobs.running(10, T0), new Failure("slow",
                "time_limit"), T0), "gone", T0);
        assertThat(refused.refund().reason()).as("the first reason stays").isEqualTo("slow");
    }

    @Test
    void submittingCanOnlyBeLeftOnce() {
        Job queued = TestJobs.queued();
        assertThatThrownBy(() -> Transitions.submitted(queued, TestJobs.status(TaskPhase.QUEUED, 0), T0))
                .isInstanceOf(JobMovedOn.class);
        assertThatThrownBy(() -> Transitions.submitUnknown(queued, new Failure("x", "y"), null, T0))
                .isInstanceOf(JobMovedOn.class);
        assertThatThrownBy(() -> Transitions.sending(TestJobs.sending(), T0)).as("marked once")
                .isInstanceOf(JobMovedOn.class);
    }

    @Test
    void onlyAJobMarkedSendingCanBeRecordedAsSentOrUnknown() {
        Job unsent = TestJobs.submitting();
        assertThatThrownBy(() -> Transitions.submitted(unsent, TestJobs.status(TaskPhase.QUEUED, 0), T0))
                .isInstanceOf(JobMovedOn.class);
        assertThatThrownBy(() -> Transitions.submitUnknown(unsent, new Failure("x", "y"), null, T0))
                .as("a job never sent is never a refund case").isInstanceOf(JobMovedOn.class);
        Job heard = Transitions.submitUnknown(TestJobs.sending(), new Failure("x", "submit_unrecorded"), "task_9",
                T0);
        assertThat(heard.task().taskId()).as("kept for the admins").isEqualTo("task_9");
        assertThat(heard.refund().state()).isEqualTo(RefundState.NEEDED);
    }
}
