package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.testing.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An admin channel the bot cannot post in (not invited, archived, failing) never holds up the requester: the failed
 * job's own message shows its end at once, the notice keeps retrying on its own schedule, the trouble is reported
 * for {@code /healthz}, and once the channel works the notice goes out exactly once.
 */
class AdminChannelTroubleTest extends WithEngine {

    @Test
    void theRequestersFinalViewGoesOutWhileTheNoticeKeepsRetrying() {
        h.chat.refuseChannel(RecordingChatPort.ADMIN_CHANNEL);
        String id = h.command("a storm [fail]").jobId();
        for (int second = 0; second < 120 && !h.job(id).state().isFinal(); second++) {
            h.tick();
            h.clock.advance(Duration.ofSeconds(1));
        }
        h.tick();

        Job failed = h.job(id);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        JobView shown = (JobView) h.chat.current(failed.message().ref().messageId());
        assertThat(shown.headline()).isEqualTo("❌ Failed");
        assertThat(Duration.between(failed.times().finishedAt(), failed.message().shownAt()))
                .as("within one edit interval").isLessThanOrEqualTo(EngineSettings.defaults(dir).editInterval());
        assertThat(((JobView.Failed) shown.result()).refund()).isEqualTo(JobView.Refund.NOTIFYING);
        assertThat(h.engine.adminChannelTrouble()).hasValueSatisfying(why -> assertThat(why)
                .contains("1 refund notice cannot reach the admin channel").contains("slack"));

        advance(Duration.ofMinutes(3));
        assertThat(h.chat.events("notice")).isEmpty();
        assertThat(h.job(id).refund().state()).as("still retrying").isEqualTo(RefundState.NOTIFYING);

        h.chat.allowChannel(RecordingChatPort.ADMIN_CHANNEL);
        h.runUntilSettled();
        assertThat(h.chat.events("notice")).hasSize(1);
        assertThat(h.engine.adminChannelTrouble()).isEmpty();
        Job notified = h.job(id);
        assertThat(((JobView.Failed) ((JobView) h.chat.current(notified.message().ref().messageId())).result())
                .refund()).isEqualTo(JobView.Refund.NOTIFIED);
    }

    @Test
    void aResolutionWhoseEditIsRateLimitedIsShownAfterTheRetryAfter() {
        String id = h.command("a storm [fail]").jobId();
        h.runUntilSettled();
        h.chat.failNext("edit", new ChatException(ChatException.Kind.RATE_LIMITED, "429", Duration.ofSeconds(30),
                null));

        Reply resolved = h.command(EngineHarness.ADMIN, "admin resolve " + id + " refunded");
        h.tick();
        Job job = h.job(id);
        assertThat(resolved.text()).contains("marked resolved");
        assertThat(job.refund().noticeOutdated()).as("kept until the chat took it").isTrue();
        assertThat(((NoticeView) h.chat.current(job.refund().notice().messageId())).resolved()).isFalse();

        Instant rateLimitedAt = h.clock.instant();
        h.runUntilSettled();
        assertThat(((NoticeView) h.chat.current(job.refund().notice().messageId())).resolved()).isTrue();
        assertThat(h.clock.instant()).isAfterOrEqualTo(rateLimitedAt.plusSeconds(30));
        assertThat(h.job(id).refund().noticeOutdated()).isFalse();
    }

    @Test
    void aResolutionNotYetShownBeforeARestartIsShownAfterIt() {
        String id = h.command("a storm [fail]").jobId();
        h.runUntilSettled();
        h.chat.failNext("edit", new ChatException(ChatException.Kind.TRANSIENT, "502"));
        h.command(EngineHarness.ADMIN, "admin resolve " + id);
        h.tick();

        h.restart();
        h.runUntilSettled();
        Job job = h.job(id);
        assertThat(((NoticeView) h.chat.current(job.refund().notice().messageId())).resolved()).isTrue();
        assertThat(job.isSettled()).isTrue();
    }

    @Test
    void aMessageFoundByItsKeyAfterTheNoticeWentOutIsEditedToShowTheEnd() {
        String id = h.command("a storm [fail]").jobId();
        h.chat.loseNextPostAnswer();
        h.tick();
        h.chat.failNext("post", new ChatException(ChatException.Kind.RATE_LIMITED, "429", Duration.ofSeconds(60),
                null));
        h.runUntilSettled();

        Job job = h.job(id);
        assertThat(h.chat.events("post")).as("the first message, found again by its key").hasSize(1);
        assertThat(h.chat.events("notice")).hasSize(1);
        JobView shown = (JobView) h.chat.current(job.message().ref().messageId());
        assertThat(shown.headline()).isEqualTo("❌ Failed");
        assertThat(((JobView.Failed) shown.result()).refund()).isEqualTo(JobView.Refund.NOTIFIED);
    }

    private void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            h.clock.advance(Duration.ofSeconds(1));
            h.tick();
        }
    }
}
