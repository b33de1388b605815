package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.VideoLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackViewsTest {

    private static JobView view(String prompt, JobView.Result result) {
        return new JobView("abcd2345", "✅ Video ready", prompt, "U0ALICE1", "sora-2 · 8 s · 1280x720", "Done.",
                null, "took 12s", result, true, List.of(JobView.Action.REROLL, JobView.Action.DETAILS));
    }

    private static String json(SlackViews.Message message) {
        return GsonFactory.createSnakeCase().toJson(message.blocks()).replace("\\u003c", "<")
                .replace("\\u003e", ">").replace("\\u0026", "&");
    }

    @Test
    void untrustedTextIsEscapedAndTheRequesterMentionedOnce() {
        SlackViews.Message message = SlackViews.job(view("<!here> & <@U0EVIL>", new JobView.Uploaded("x")));
        String blocks = json(message);
        assertThat(blocks).contains("&lt;!here&gt; &amp; &lt;@U0EVIL&gt;").doesNotContain("<!here>")
                .doesNotContain("<@U0EVIL>");
        assertThat(blocks.split("<@U0ALICE1>", -1)).hasSize(2);
        assertThat(message.text()).isEqualTo("✅ Video ready: &lt;!here&gt; &amp; &lt;@U0EVIL&gt;");
    }

    @Test
    void repliesAreEscapedAndCappedLikeDiscords() {
        String reply = SlackText.reply("<!channel> & more\n" + "a problem to fix\n".repeat(5000));

        assertThat(reply).startsWith("&lt;!channel&gt; &amp; more\n").hasSizeLessThanOrEqualTo(
                SlackText.MAX_REPLY_CHARS).containsPattern("… and \\d+ more lines$");
    }

    @Test
    void aRequesterIdThatIsNotASlackIdIsNotTurnedIntoAMention() {
        assertThat(SlackText.mention("U0ALICE1")).isEqualTo("<@U0ALICE1>");
        assertThat(SlackText.mention("<!channel>")).isEqualTo("&lt;!channel&gt;");
        assertThat(SlackText.link("https://cdn/v.mp4", "Watch <b>")).isEqualTo("<https://cdn/v.mp4|Watch &lt;b&gt;>");
        assertThat(SlackText.link("https://evil|<!here>", "x")).isEqualTo("https://evil|&lt;!here&gt;");
    }

    @Test
    void linkedResultShowsTheLinkAndExpiry() {
        String blocks = json(SlackViews.job(view("a cat", new JobView.Linked("https://cdn.example/v.mp4",
                Instant.parse("2026-11-24T13:00:00Z"), "the video is 23.0 MB"))));
        assertThat(blocks).contains("<https://cdn.example/v.mp4|▶️ Watch the video>")
                .contains("works until 2026-11-24 13:00 UTC");
    }

    @Test
    void aLinkedVideoShowsItsPosterFrameAndAnUnsafePosterIsLeftOut() {
        String blocks = json(SlackViews.job(view("a cat", new JobView.Linked("https://bot.example/v/a/t.mp4", null,
                "the video is 23.0 MB", "https://bot.example/v/a/t.jpg"))));
        assertThat(blocks).contains("\"type\":\"image\"").contains("\"image_url\":\"https://bot.example/v/a/t.jpg\"");
        String unsafe = json(SlackViews.job(view("a cat", new JobView.Linked("https://bot.example/v/a/t.mp4", null,
                "x", "javascript:alert(1)"))));
        assertThat(unsafe).doesNotContain("\"type\":\"image\"");
    }

    @Test
    void aCompressedUploadLinksTheFullQualityAndAKeptVideoIsNoFailure() {
        String compressed = json(SlackViews.job(view("a cat", new JobView.Uploaded("uploaded (9.1 MB)",
                new VideoLink("https://bot.example/v/a/t.mp4", Instant.parse("2026-12-24T13:00:00Z")), true))));
        assertThat(compressed).contains("compressed to fit").contains("<https://bot.example/v/a/t.mp4|▶️ Full quality>")
                .contains("works until 2026-12-24 13:00 UTC");
        String kept = json(SlackViews.job(view("a cat", new JobView.Kept("the chat refused <it>", false))));
        assertThat(kept).contains("The chat refused &lt;it&gt;.").doesNotContain("refund");
    }

    @Test
    void failureSaysWhereTheRefundStands() {
        String blocks = json(SlackViews.job(view("a cat", new JobView.Failed("the API said <no>",
                JobView.Refund.NOTIFIED))));
        assertThat(blocks).contains("The API said &lt;no&gt;. An admin has been notified for a refund.");
    }

    @Test
    void buttonsCarryTheJobId() {
        String blocks = json(SlackViews.job(view("a cat", null)));
        assertThat(blocks).contains("\"action_id\":\"reelbot_reroll\",\"value\":\"abcd2345\"")
                .contains("\"action_id\":\"reelbot_details\",\"value\":\"abcd2345\"");
    }

    @Test
    void noticeHasFactsAndAButtonUntilResolved() {
        List<NoticeView.Fact> facts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            facts.add(new NoticeView.Fact("Fact " + i, "value <" + i + ">"));
        }
        SlackViews.Message open = SlackViews.notice(new NoticeView("abcd2345", "💸 Refund needed", facts, false,
                true));
        assertThat(open.blocks()).hasSize(4);
        assertThat(json(open)).contains("reelbot_refund").contains("value &lt;11&gt;").contains("may repeat");
        SlackViews.Message resolved = SlackViews.notice(new NoticeView("abcd2345", "✅ Refund resolved", facts,
                true, false));
        assertThat(json(resolved)).doesNotContain("reelbot_refund");
    }

    @Test
    void slackErrorsMapToWhatTheEngineDoesNext() {
        assertThat(SlackErrors.fromError("chat.update", "message_not_found").kind())
                .isEqualTo(ChatException.Kind.MESSAGE_GONE);
        assertThat(SlackErrors.fromError("chat.postMessage", "not_in_channel").kind())
                .isEqualTo(ChatException.Kind.NO_ACCESS);
        assertThat(SlackErrors.fromError("chat.postMessage", "is_archived").kind())
                .isEqualTo(ChatException.Kind.NO_ACCESS);
        assertThat(SlackErrors.fromError("chat.update", "ratelimited").kind())
                .isEqualTo(ChatException.Kind.RATE_LIMITED);
        assertThat(SlackErrors.fromError("chat.update", "internal_error").kind())
                .isEqualTo(ChatException.Kind.TRANSIENT);
        assertThat(SlackErrors.fromError("chat.update", "msg_too_long").kind())
                .isEqualTo(ChatException.Kind.REFUSED);
    }
}
