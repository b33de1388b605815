package dev.reelbot.slack;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The real Bolt app in HTTP mode behind the web server, against a fake Slack, with the real engine. */
class SlackHttpModeTest extends WithSlack {
    private static final String ALICE = "U0ALICE1";
    private static final String CHANNEL = "C0GENERAL";

    private Job onlyJob() {
        List<Job> jobs = h.store.recentJobs("slack", ALICE, 10);
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    @Test
    void aCommandIsAckedAtOnceThenPostedUpdatedAndTheVideoUploaded() throws Exception {
        long start = System.nanoTime();
        String ack;
        try (Response response = h.command("a cat surfing --duration 4", "trig-1", ALICE, CHANNEL)) {
            assertThat(response.code()).isEqualTo(200);
            ack = response.body().string();
        }
        long ackMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(ackMillis).as("acknowledged within Slack's 3 s").isLessThan(3000);
        assertThat(ack).contains("\"response_type\":\"ephemeral\"").contains("accepted: sora-2 · 4 s");
        h.runUntilSettled();

        Job job = onlyJob();
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.slack.calls("chat.postMessage")).singleElement()
                .satisfies(c -> assertThat(c.field("channel")).isEqualTo(CHANNEL));
        assertThat(h.slack.calls("chat.update")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.field("ts")).isEqualTo(job.message().ref().messageId()));
        FakeSlack.Message last = h.slack.message(CHANNEL, job.message().ref().messageId());
        assertThat(last.blocks()).contains("Video ready").contains("reelbot_reroll").contains("reelbot_details")
                .contains("<@U0ALICE1>").contains(job.id());
        assertThat(h.slack.calls("files.completeUploadExternal")).singleElement()
                .satisfies(c -> assertThat(c.field("channel_id")).isEqualTo(CHANNEL));
        byte[] video = h.slack.uploads().values().iterator().next();
        assertThat(new String(video, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void aRetriedCommandIsNotSubmittedTwice() throws Exception {
        try (Response first = h.command("a cat", "trig-same", ALICE, CHANNEL);
             Response retry = h.command("a cat", "trig-same", ALICE, CHANNEL)) {
            assertThat(first.code()).isEqualTo(200);
            assertThat(retry.body().string()).contains("was already started");
        }
        h.runUntilSettled();

        assertThat(createRequests(h.simulator)).isEqualTo(1);
        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aBadSignatureOrAStaleTimestampIsRefused() throws Exception {
        String body = SlackHarness.formBody(java.util.Map.of("command", "/video", "text", "a cat", "user_id", ALICE,
                "channel_id", CHANNEL, "team_id", FakeSlack.TEAM, "trigger_id", "t"));
        String now = Long.toString(System.currentTimeMillis() / 1000);
        try (Response forged = h.signedPost(body, now, "not-the-secret")) {
            assertThat(forged.code()).isEqualTo(401);
        }
        String sixMinutesAgo = Long.toString(System.currentTimeMillis() / 1000 - 360);
        try (Response stale = h.signedPost(body, sixMinutesAgo, SlackHarness.SECRET)) {
            assertThat(stale.code()).isEqualTo(401);
        }
        assertThat(h.store.unsettled()).isEmpty();
    }

    @Test
    void aChannelTheBotIsNotInMovesTheJobToADmAndSaysHowToFixIt() throws Exception {
        h.slack.refuse("C0PRIVATE");
        try (Response response = h.command("a cat", "trig-2", ALICE, "C0PRIVATE")) {
            assertThat(response.code()).isEqualTo(200);
        }
        h.runUntilSettled();

        Job job = onlyJob();
        assertThat(job.message().ref().channel()).isEqualTo("DU0ALICE1");
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.slack.calls("chat.postMessage")).anySatisfy(c -> {
            assertThat(c.field("channel")).isEqualTo("DU0ALICE1");
            assertThat(c.field("text")).contains("I can't post in <#C0PRIVATE> (the bot is not a member of that "
                    + "channel)").contains("/invite").doesNotContain("not_in_channel");
        });
        try (Response again = h.command("a dog", "trig-2b", ALICE, "C0PRIVATE")) {
            assertThat(again.body().string()).as("the answer says where progress will really show")
                    .contains("Progress will show in a DM with you");
        }
        assertThat(h.slack.calls("files.completeUploadExternal")).singleElement()
                .satisfies(c -> assertThat(c.field("channel_id")).isEqualTo("DU0ALICE1"));
        assertThat(h.slack.message("DU0ALICE1", job.message().ref().messageId()).blocks()).contains("Video ready");
    }

    @Test
    void rateLimitedUpdatesAreHonouredAndManyJobsInOneChannelAllEndFinal() throws Exception {
        h.slack.rateLimitUpdates(3, 5);
        for (int i = 0; i < 12; i++) {
            try (Response response = h.command("cat number " + i, "trig-many-" + i, "U0USER" + i, CHANNEL)) {
                assertThat(response.code()).isEqualTo(200);
            }
        }
        h.runUntilSettled();

        List<FakeSlack.Message> messages = h.slack.messagesIn(CHANNEL);
        assertThat(messages).hasSize(12).allSatisfy(m -> assertThat(m.blocks()).contains("Video ready"));
        assertThat(h.slack.calls("files.completeUploadExternal")).hasSize(12);
    }

    @Test
    void promptsCannotPingAnyoneOrForgeLinks() throws Exception {
        String hostile = "<!channel> <!here> <@U_VICTIM> <https://evil.example|click me> &amp; @everyone";
        try (Response response = h.command(hostile, "trig-3", ALICE, CHANNEL)) {
            assertThat(response.body().string()).doesNotContain("<!channel>");
        }
        h.runUntilSettled();

        List<String> shown = h.slack.everythingShown();
        assertThat(shown).isNotEmpty().noneMatch(s -> s.contains("<!channel>") || s.contains("<!here>")
                || s.contains("<@U_VICTIM>") || s.contains("<https://evil.example"));
        assertThat(String.join("\n", shown)).contains("&lt;!channel&gt;").contains("&lt;@U_VICTIM&gt;")
                .contains("&amp;amp;");
        assertThat(h.slack.calls("chat.postMessage")).allSatisfy(c ->
                assertThat(c.field("link_names")).isIn(null, "0", "false"));
    }

    @Test
    void onlyAdminsCanMarkARefundCaseRefunded() throws Exception {
        try (Response response = h.command("a storm [fail]", "trig-4", ALICE, CHANNEL)) {
            assertThat(response.code()).isEqualTo(200);
        }
        h.runUntilSettled();
        Job failed = onlyJob();
        assertThat(h.slack.messagesIn("C0ADMIN")).singleElement()
                .satisfies(m -> assertThat(m.blocks()).contains("reelbot_refund").contains("Refund needed"));

        try (Response byAlice = h.button(SlackViews.REFUND, failed.id(), ALICE, "C0ADMIN", "trig-5")) {
            assertThat(byAlice.code()).isEqualTo(200);
        }
        assertThat(h.store.find(failed.id()).orElseThrow().refund().state().name()).isEqualTo("OPEN");
        assertThat(h.slack.responses()).anySatisfy(r -> assertThat(r)
                .contains("Only admins can do that: whoever runs the bot can add your id `"));

        try (Response byAdmin = h.button(SlackViews.REFUND, failed.id(), SlackHarness.ADMIN, "C0ADMIN", "trig-6")) {
            assertThat(byAdmin.code()).isEqualTo(200);
        }
        h.runUntilSettled();
        Job resolved = h.store.find(failed.id()).orElseThrow();
        assertThat(resolved.refund().state().name()).isEqualTo("RESOLVED");
        assertThat(resolved.refund().resolvedBy()).isEqualTo("u0admin1");
        FakeSlack.Message notice = h.slack.message("C0ADMIN", resolved.refund().notice().messageId());
        assertThat(notice.blocks()).contains("Refund resolved").doesNotContain("reelbot_refund");
    }

    @Test
    void rerollAndDetailsButtonsAnswerPrivately() throws Exception {
        try (Response response = h.command("a cat --seed 42", "trig-7", ALICE, CHANNEL)) {
            assertThat(response.code()).isEqualTo(200);
        }
        h.runUntilSettled();
        Job first = onlyJob();

        try (Response details = h.button(SlackViews.DETAILS, first.id(), ALICE, CHANNEL, "trig-8");
             Response stranger = h.button(SlackViews.REROLL, first.id(), "U0STRANGER", CHANNEL, "trig-9");
             Response reroll = h.button(SlackViews.REROLL, first.id(), ALICE, CHANNEL, "trig-10")) {
            assertThat(List.of(details.code(), stranger.code(), reroll.code())).containsOnly(200);
        }

        assertThat(h.slack.responses()).anySatisfy(r -> assertThat(r).contains("Seed: 42").contains("ephemeral"))
                .anySatisfy(r -> assertThat(r).contains("Only the person who asked"))
                .anySatisfy(r -> assertThat(r).contains("accepted"));
        assertThat(h.store.recentJobs("slack", ALICE, 10)).hasSize(2);
        assertThat(h.store.recentJobs("slack", "U0STRANGER", 10)).isEmpty();
    }

    @Test
    void theSlackClientNeverResendsACallOnItsOwn() {
        assertThat(h.app.resendsFailedCalls()).as("a resent chat.postMessage would be a second message").isFalse();
    }

    @Test
    void aRetriedPostFindsTheFirstByTheKeyInItsMetadata() throws Exception {
        JobView view = new JobView("abcd2345", "⏳ Queued", "a cat", "U0ALICE1",
                "sora-2", "Waiting", null, "0s", null, false, List.of());
        Conversation where = new Conversation("slack", FakeSlack.TEAM, CHANNEL);

        MessageRef first = h.app.port().post(where, view,
                new PostKey("abcd2345-x1", false));
        MessageRef again = h.app.port().post(where, view,
                new PostKey("abcd2345-x1", true));

        assertThat(again).isEqualTo(first);
        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(h.slack.calls("conversations.history")).hasSize(1);
    }
}
