package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.job.Job;
import dev.reelbot.testing.FaultyJobStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * What the Slack adapter does when a call fails or its answer is lost, against the fake Slack: a retry finds what
 * the first attempt made (by key, by file name) instead of making it twice, a lookup that fails is retried rather
 * than skipped, a 429 pauses every call, an odd answer is a failed call, and an admin's resolution reaches the
 * notice after a 429.
 */
class SlackRetriesTest extends WithSlack {
    private static final String ALICE = "U0ALICE1";
    private static final Conversation ADMIN_ROOM = new Conversation("slack", FakeSlack.TEAM, "C0ADMIN");
    private static final Requester REQUESTER = new Requester("slack", FakeSlack.TEAM, "C0GENERAL", ALICE, "alice");

    private Job failedJob() throws Exception {
        try (Response response = h.command("a storm [fail]", "trig-f", ALICE, "C0GENERAL")) {
            assertThat(response.code()).isEqualTo(200);
        }
        h.runUntilSettled();
        return h.store.recentJobs("slack", ALICE, 1).get(0);
    }

    private static NoticeView notice() {
        return new NoticeView("abcd2345", "💸 Refund needed", List.of(new NoticeView.Fact("Why", "it failed")),
                false, true);
    }

    @Test
    void markRefundedWhoseUpdateIsAnswered429IsShownAfterTheRetryAfter() throws Exception {
        Job failed = failedJob();
        h.slack.rateLimitUpdates(1, 5);
        try (Response byAdmin = h.button(SlackViews.REFUND, failed.id(), SlackHarness.ADMIN, "C0ADMIN", "trig-r")) {
            assertThat(byAdmin.code()).isEqualTo(200);
        }
        h.engine.tick();
        MessageRef notice = failed.refund().notice();
        assertThat(h.slack.message("C0ADMIN", notice.messageId()).blocks()).contains("Refund needed");
        assertThat(h.slack.responses()).anySatisfy(r -> assertThat(r).contains("marked resolved"));

        h.clock.advance(Duration.ofSeconds(5));
        h.engine.tick();
        assertThat(h.slack.message("C0ADMIN", notice.messageId()).blocks()).contains("Refund resolved")
                .doesNotContain("reelbot_refund");
        assertThat(h.store.unsettled()).isEmpty();
    }

    @Test
    void aNoticeWhoseLookupFailsIsRetriedNeverPostedBlind() throws Exception {
        h.slack.answerNext("conversations.history", 500, "<html>upstream error</html>", null);
        ChatException failed = catchThrowableOfType(ChatException.class, () -> h.app.port().post(ADMIN_ROOM,
                notice(), new PostKey("notice-abcd2345", true)));
        assertThat(failed.kind()).isEqualTo(ChatException.Kind.TRANSIENT);
        assertThat(h.slack.calls("chat.postMessage")).as("no post without the lookup").isEmpty();

        MessageRef posted = h.app.port().post(ADMIN_ROOM, notice(), new PostKey("notice-abcd2345", true));
        MessageRef again = h.app.port().post(ADMIN_ROOM, notice(), new PostKey("notice-abcd2345", true));
        assertThat(again).isEqualTo(posted);
        assertThat(h.slack.messagesIn("C0ADMIN")).hasSize(1);
    }

    @Test
    void anAnswerMissingTheListTheBotReadsIsAFailedCallNotANullPointer() {
        h.slack.answerNext("conversations.history", 200, "{\"ok\":true}", null);
        ChatException failed = catchThrowableOfType(ChatException.class, () -> h.app.port().post(ADMIN_ROOM,
                notice(), new PostKey("notice-abcd2345", true)));
        assertThat(failed.kind()).isEqualTo(ChatException.Kind.TRANSIENT);
        assertThat(failed.getMessage()).contains("without messages");
    }

    @Test
    void aPosterFrameSlackCannotDownloadIsLeftOutAndTheLinkStillShown() throws Exception {
        MessageRef ref = h.app.port().post(new Conversation("slack", FakeSlack.TEAM, "C0GENERAL"), notice(),
                new PostKey("abcd2345-p", false));
        JobView linked = new JobView("abcd2345", "✅ Video ready", "a cat", ALICE, "sora-2 · 4 s · 720x1280",
                "Delivered: link.", null, "took 9s", new JobView.Linked("https://bot.example.com/v/abcd2345/t.mp4",
                null, "over the limit", "https://bot.example.com/v/abcd2345/t.jpg"), true, List.of());
        h.slack.answerNext("chat.update", 200, "{\"ok\":false,\"error\":\"invalid_blocks\"}", null);

        h.app.port().edit(ref, linked);

        assertThat(h.slack.calls("chat.update")).hasSize(2);
        String shown = h.slack.message("C0GENERAL", ref.messageId()).blocks();
        assertThat(shown).contains("https://bot.example.com/v/abcd2345/t.mp4").doesNotContain("t.jpg");
    }

    @Test
    void aRetriedUploadFindsTheFirstByItsFileName() throws Exception {
        MessageRef ref = h.app.port().post(new Conversation("slack", FakeSlack.TEAM, "C0GENERAL"), notice(),
                new PostKey("abcd2345-x", false));
        VideoFile video = new VideoFile(Files.write(dir.resolve("v.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y',
                'p'}), 8, "reelbot-abcd2345.mp4", "a cat <!channel>");

        h.app.port().upload(ref, video, new PostKey("video-abcd2345", false));
        h.app.port().upload(ref, video, new PostKey("video-abcd2345", true));

        assertThat(h.slack.shares()).singleElement()
                .satisfies(s -> assertThat(s.filename()).isEqualTo("reelbot-abcd2345.mp4"));
        String files = h.slack.calls("files.completeUploadExternal").get(0).field("files");
        assertThat(new ObjectMapper().readTree(files).get(0).get("title").asText()).as("escaped like every text")
                .isEqualTo("a cat &lt;!channel&gt;");
    }

    @Test
    void a429OnAnUploadPausesEveryCallForItsRetryAfter() throws Exception {
        MessageRef ref = h.app.port().post(new Conversation("slack", FakeSlack.TEAM, "C0GENERAL"), notice(),
                new PostKey("abcd2345-y", false));
        VideoFile video = new VideoFile(Files.write(dir.resolve("v.mp4"), new byte[8]), 8, "reelbot-abcd2345.mp4",
                "a cat");
        h.slack.answerNext("files.getUploadURLExternal", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", "7");
        ChatException limited = catchThrowableOfType(ChatException.class, () -> h.app.port().upload(ref, video,
                new PostKey("video-abcd2345", false)));
        assertThat(limited.kind()).isEqualTo(ChatException.Kind.RATE_LIMITED);

        int calls = h.slack.calls().size();
        ChatException held = catchThrowableOfType(ChatException.class, () -> h.app.port().whisper(REQUESTER, "hi"));
        assertThat(held.kind()).isEqualTo(ChatException.Kind.RATE_LIMITED);
        assertThat(held.retryAfter()).hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(7)));
        assertThat(h.slack.calls()).as("nothing went out while paused").hasSize(calls);

        h.clock.advance(Duration.ofSeconds(7));
        h.app.port().whisper(REQUESTER, "hi");
        assertThat(h.slack.calls("chat.postEphemeral")).hasSize(1);
    }

    @Test
    void aCommandWhoseHandlingFailsGetsAPlainAnswerAndNothingStarts() throws Exception {
        h.faults.breakNext(FaultyJobStore.Call.INSERT);
        try (Response response = h.command("a cat", "trig-x", ALICE, "C0GENERAL")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("Something went wrong on the bot")
                    .contains("ref ").contains("the admins can see why");
        }
        assertThat(h.store.recentJobs("slack", ALICE, 10)).isEmpty();
    }
}
