package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.discord.FakeDiscord.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real JDA against a fake Discord, end to end: a /video interaction becomes a finished video message. */
class DiscordFlowTest extends WithDiscord {
    /** Sends {@code /video} as an interaction 20 minutes old: JDA then treats its token as expired. */
    private void sendExpiredVideo(String prompt) {
        ObjectNode old = Interactions.slash(Instant.now().minus(Duration.ofMinutes(20)), Interactions.ALICE,
                List.of(), DiscordCommands.VIDEO, null, List.of(Interactions.Option.string("prompt", prompt)));
        h.discord.gateway().dispatch("INTERACTION_CREATE", old);
    }


    @Test
    void anInteractionIsDeferredThenProgressIsPostedEditedAndTheVideoUploaded() {
        String answer = h.video(Interactions.ALICE, "a cat surfing --duration 4");

        assertThat(answer).startsWith("🎬 Job `").contains("accepted");
        String jobId = DiscordHarness.jobIdIn(answer);
        List<Call> callbacks = h.discord.calls("POST", "interactions/\\d+/token-\\d+/callback");
        assertThat(callbacks).singleElement().satisfies(c -> {
            assertThat(c.body().path("type").asInt()).as("deferred channel message").isEqualTo(5);
            assertThat(c.body().path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        });

        h.runUntilSettled();

        List<Call> posts = h.channelPosts();
        assertThat(posts).hasSize(2);
        Call progress = posts.get(0);
        assertThat(progress.path()).isEqualTo("channels/" + Interactions.CHANNEL + "/messages");
        assertThat(progress.body().path("content").asText()).isEqualTo("<@" + Interactions.ALICE + ">");
        Call upload = posts.get(1);
        assertThat(upload.fileNames()).containsExactly("reelbot-" + jobId + ".mp4");
        assertThat(upload.fileHead()).isEqualTo("ftyp");
        Job job = h.job(jobId);
        String messageId = job.message().ref().messageId();
        assertThat(upload.body().path("message_reference").path("message_id").asText()).isEqualTo(messageId);
        assertThat(h.channelEdits()).allSatisfy(e -> assertThat(e.path()).endsWith("/messages/" + messageId))
                .anySatisfy(e -> assertThat(DiscordHarness.embedText(e.body())).contains("🎬 Generating")
                        .containsPattern("\\d+%"));
        JsonNode last = h.discord.message(messageId);
        assertThat(DiscordHarness.embedText(last)).contains("✅ Video ready").contains("job " + jobId);
        assertThat(last.path("components").toString()).contains("reelbot:reroll:" + jobId)
                .contains("reelbot:details:" + jobId);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.discord.calls("PATCH", "webhooks/.*")).as("only the ephemeral answer uses the token")
                .hasSize(1);
    }

    @Test
    void anInteractionOlderThanFifteenMinutesStillGetsItsMessageFinishedThroughTheChannel() {
        // JDA derives the token's expiry from the id: an id from 20 minutes ago makes every use of the
        // interaction token fail locally, as it would for a job that outlived the token.
        sendExpiredVideo("a slow sea");
        await().atMost(DiscordHarness.WAIT).until(() -> h.store.unsettled().size() == 1);

        h.runUntilSettled();

        Job job = h.store.recentJobs("discord", Interactions.ALICE, 1).get(0);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(DiscordHarness.embedText(h.discord.message(job.message().ref().messageId())))
                .contains("✅ Video ready");
        assertThat(h.channelEdits()).isNotEmpty();
        assertThat(h.discord.calls("PATCH", "webhooks/.*")).as("nothing went through the expired token").isEmpty();
        assertThat(h.discord.calls("POST", "webhooks/.*")).isEmpty();
    }

    @Test
    void aDeletedProgressMessageIsPostedAnewAndFinished() {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "a cat"));
        h.tick();
        String first = h.job(jobId).message().ref().messageId();
        h.discord.delete(first);

        h.runUntilSettled();

        assertThat(h.discord.calls("PATCH", "channels/\\d+/messages/" + first)).isNotEmpty();
        List<Call> progress = h.channelPosts().stream().filter(c -> c.fileNames().isEmpty()).toList();
        assertThat(progress).hasSize(2);
        String second = h.job(jobId).message().ref().messageId();
        assertThat(second).isNotEqualTo(first);
        assertThat(DiscordHarness.embedText(h.discord.message(second))).contains("✅ Video ready");
    }

    @Test
    void aVideoOverTheUploadLimitBecomesARawLinkWithItsExpiry() {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "huge [big] --model kling-v2-1"));

        h.runUntilSettled();

        Job job = h.job(jobId);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.LINKED);
        assertThat(h.channelPosts()).allSatisfy(c -> assertThat(c.fileNames()).isEmpty());
        JsonNode last = h.discord.message(job.message().ref().messageId());
        assertThat(last.path("content").asText()).isEqualTo("<@" + Interactions.ALICE + "> "
                + job.task().videoUrl());
        assertThat(DiscordHarness.embedText(last)).contains("Link expires").contains("<t:"
                + job.task().expiresAt().getEpochSecond() + ":f>").contains("over the 10.0 MB upload limit");
    }

    @Test
    void aGuildAtBoostTierTwoTakesALargerUpload() {
        h.discord.guildTier(Interactions.GUILD, Interactions.CHANNEL, 2);
        ObjectNode interaction = Interactions.slash(Instant.now(), Interactions.ALICE, List.of(),
                DiscordCommands.VIDEO, null, List.of(Interactions.Option.string("prompt", "huge [big]"),
                        Interactions.Option.string("model", "kling-v2-1")));
        interaction.remove("attachment_size_limit");
        String jobId = DiscordHarness.jobIdIn(h.interact(interaction));

        h.runUntilSettled();

        assertThat(h.job(jobId).delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.channelPosts()).anySatisfy(c -> assertThat(c.fileBytes()).isGreaterThan(10L << 20));
        assertThat(h.discord.calls("GET", "guilds/" + Interactions.GUILD)).hasSize(1);
    }

    @Test
    void aJobRefusedBeforeItStartedIsToldEphemerallyWhileTheInteractionIsFresh() {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "something [moderated]"));

        h.runUntilSettled();

        assertThat(h.job(jobId).message().ref()).isNull();
        assertThat(h.discord.calls("POST", "webhooks/" + FakeDiscord.APP_ID + "/token-\\d+")).singleElement()
                .satisfies(c -> {
                    assertThat(c.body().path("flags").asInt() & 64).isEqualTo(64);
                    assertThat(c.body().path("content").asText()).contains("was not started");
                });
        assertThat(h.channelPosts()).isEmpty();
    }

    @Test
    void aRefusalAfterTheInteractionExpiredGoesByDm() {
        sendExpiredVideo("x [moderated]");
        await().atMost(DiscordHarness.WAIT).until(() -> !h.store.recentJobs("discord", Interactions.ALICE, 1)
                .isEmpty());

        h.runUntilSettled();

        String dm = h.discord.dmChannelOf(Interactions.ALICE);
        assertThat(dm).isNotNull();
        assertThat(h.discord.calls("POST", "channels/" + dm + "/messages")).singleElement()
                .satisfies(c -> assertThat(c.body().path("content").asText()).contains("was not started"));
    }

    @Test
    void whenNeitherTheInteractionNorADmReachesTheRequesterTheAdminsAreTold() {
        h.discord.closeDms(Interactions.ALICE);
        sendExpiredVideo("x [moderated]");
        await().atMost(DiscordHarness.WAIT).until(() -> !h.store.recentJobs("discord", Interactions.ALICE, 1)
                .isEmpty());

        h.runUntilSettled();

        assertThat(h.discord.calls("POST", "channels/" + Interactions.ADMIN_CHANNEL + "/messages")).singleElement()
                .satisfies(n -> assertThat(DiscordHarness.embedText(n.body())).contains("could not be reached")
                        .contains("a DM to user " + Interactions.ALICE + " failed"));
    }

    @Test
    void afterARestartTheSameMessageIsEditedToTheEnd() throws InterruptedException {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "a cat"));
        h.tick();
        String message = h.job(jobId).message().ref().messageId();

        assertThat(h.restart()).isEqualTo(1);
        h.runUntilSettled();

        assertThat(h.channelPosts().stream().filter(c -> c.fileNames().isEmpty())).hasSize(1);
        assertThat(h.job(jobId).message().ref().messageId()).isEqualTo(message);
        assertThat(DiscordHarness.embedText(h.discord.message(message))).contains("✅ Video ready");
        assertThat(h.discord.calls("GET", "users/@me")).as("two sessions").hasSize(2);
    }
}
