package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.testing.FaultyJobStore.Call;
import dev.reelbot.testing.FaultyJobStore.When;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video that was made but that no chat took (a Sora video over the limit, with no ffmpeg and no link) raises one
 * delivery notice for the admins, never a refund notice, under the same faults as refund notices: a post whose
 * answer or record is lost is looked up by its key, a claim whose write failed after landing is still posted, a
 * claim left by a stopped process is posted again marked as a possible repeat.
 */
class DeliveryNoticeTest {
    @TempDir
    Path dir;
    private EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
        h.chat.setUploadLimit(10L * 1024 * 1024);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<RecordingChatPort.Event> notices() {
        return h.chat.events("notice");
    }

    private Job settled() {
        String id = h.command("huge [big]").jobId();
        h.runUntilSettled();
        return h.job(id);
    }

    private static void assertDeliveryNotice(RecordingChatPort.Event notice) {
        NoticeView view = (NoticeView) notice.view();
        assertThat(view.kind()).isEqualTo(NoticeKind.DELIVERY);
        assertThat(view.resolvable()).isFalse();
        assertThat(notice.channel()).isEqualTo(RecordingChatPort.ADMIN_CHANNEL);
    }

    @Test
    void oneDeliveryNoticeAndTheRequesterIsToldItWasRaised() {
        Job job = settled();

        assertThat(notices()).singleElement().satisfies(DeliveryNoticeTest::assertDeliveryNotice);
        assertThat(job.delivery().notice()).isEqualTo(NoticeState.POSTED);
        assertThat(job.delivery().noticeRef()).isNotNull();
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
        assertThat(h.command(EngineHarness.ADMIN, "admin refunds", "list").text()).isEqualTo("No open refund cases.");
        JobView shown = (JobView) h.chat.current(job.message().ref().messageId());
        assertThat(shown.result()).isEqualTo(new JobView.Kept(job.delivery().note(), true));
    }

    @Test
    void aNoticeWhosePostAnswerIsLostIsFoundByItsKeyNotPostedAgain() {
        String id = h.command("huge [big]").jobId();
        for (int second = 0; second < 60 && h.job(id).delivery().state() != DeliveryState.UNDELIVERED; second++) {
            h.tick();
            h.clock.advance(Duration.ofSeconds(1));
        }
        h.chat.loseNextPostAnswer();
        h.runUntilSettled();

        assertThat(notices()).singleElement().satisfies(DeliveryNoticeTest::assertDeliveryNotice);
        assertThat(h.job(id).delivery().notice()).isEqualTo(NoticeState.POSTED);
    }

    @Test
    void aNoticePostedWhoseRecordFailsIsFoundByItsKeyNotPostedAgain() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.delivery().notice() == NoticeState.POSTED, When.BEFORE);

        Job job = settled();

        assertThat(job.delivery().notice()).isEqualTo(NoticeState.POSTED);
        assertThat(notices()).hasSize(1);
    }

    @Test
    void aClaimThatLandedThoughItsWriteFailedIsStillPostedOnce() {
        h.faults.failNext(Call.COMPARE_AND_SET, j -> j.delivery().notice() == NoticeState.NOTIFYING, When.AFTER);

        Job job = settled();

        assertThat(job.delivery().notice()).isEqualTo(NoticeState.POSTED);
        assertThat(notices()).hasSize(1);
    }

    @Test
    void aClaimLeftByAStoppedProcessIsPostedOnceMarkedAsAPossibleRepeat() {
        String id = h.command("huge [big]").jobId();
        h.tick();
        assertThat(h.job(id).message().ref()).as("the progress message is up").isNotNull();
        // The notice's first post is held back by a long rate limit: the claim is made, the post not yet.
        h.chat.failNext("post", new ChatException(ChatException.Kind.RATE_LIMITED, "429", Duration.ofMinutes(5),
                null));
        for (int second = 0; second < 60 && h.job(id).delivery().notice() != NoticeState.NOTIFYING; second++) {
            h.clock.advance(Duration.ofSeconds(1));
            h.tick();
        }
        assertThat(h.job(id).delivery().notice()).isEqualTo(NoticeState.NOTIFYING);
        assertThat(notices()).isEmpty();

        h.restart();
        h.runUntilSettled();

        assertThat(notices()).singleElement()
                .satisfies(n -> assertThat(((NoticeView) n.view()).repeated()).isTrue());
        assertThat(h.job(id).delivery().notice()).isEqualTo(NoticeState.POSTED);
    }
}
