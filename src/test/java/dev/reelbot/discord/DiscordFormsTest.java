package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.job.Job;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Discord's forms: Edit prompt on a finished or failed job opens a form filled with the prompt (for the requester
 * alone) whose submission starts a new job with the same settings; the Animate image message command opens a form
 * whose submission starts a job on the message's image; the model option completes with the channel's models.
 */
class DiscordFormsTest extends WithDiscord {

    /** Sends an interaction and returns the bot's direct answer to it (a form, a reply or completions). */
    private JsonNode callback(ObjectNode interaction) {
        String path = "interactions/" + interaction.get("id").asText() + "/" + interaction.get("token").asText()
                + "/callback";
        h.discord.gateway().dispatch("INTERACTION_CREATE", interaction);
        await().atMost(DiscordHarness.WAIT).until(() -> !h.discord.calls("POST", path).isEmpty());
        return h.discord.calls("POST", path).get(0).body();
    }

    private Job finishedJob(String prompt, Interactions.Option... options) {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, prompt, options));
        h.runUntilSettled();
        return h.job(jobId);
    }

    private ObjectNode editClick(String user, Job job) {
        return Interactions.button(Instant.now(), user, List.of(), Interactions.CHANNEL,
                new ButtonId(ButtonId.Action.EDIT, job.id()).customId(), job.message().ref().messageId());
    }

    @Test
    void editPromptOpensAFormWithThePromptAndStartsANewJobWithTheSameSettings() {
        Job first = finishedJob("a cat surfing", Interactions.Option.string("model", "kling-v2-1"),
                Interactions.Option.integer("duration", 10), Interactions.Option.integer("seed", 42));

        JsonNode form = callback(editClick(Interactions.ALICE, first));

        assertThat(form.path("type").asInt()).isEqualTo(CallbackRules.MODAL);
        assertThat(form.path("data").path("custom_id").asText()).isEqualTo("reelbot:edit:" + first.id());
        assertThat(form.path("data").path("components").get(0).path("component").path("value").asText())
                .isEqualTo("a cat surfing");

        ObjectNode message = FakeDiscord.message(first.message().ref().messageId(), Interactions.CHANNEL,
                h.discord.message(first.message().ref().messageId()));
        String answer = h.interact(Interactions.modalSubmit(Instant.now(), Interactions.ALICE,
                "reelbot:edit:" + first.id(), DiscordForms.PROMPT, "a dog surfing", message));

        assertThat(answer).startsWith("🎬 Job `").contains("kling-v2-1 · 10 s").contains("seed 42");
        Job second = h.job(DiscordHarness.jobIdIn(answer));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.request().prompt()).isEqualTo("a dog surfing");
        assertThat(second.request()).usingRecursiveComparison().ignoringFields("prompt").isEqualTo(first.request());
        h.runUntilSettled();
        assertThat(DiscordHarness.embedText(h.discord.message(h.job(second.id()).message().ref().messageId())))
                .contains("a dog surfing").contains("✅ Video ready");
    }

    @Test
    void onlyTheRequesterMayEditAndAnInlineFlagInTheFormChangesThatSetting() {
        Job first = finishedJob("a storm [fail]");
        assertThat(h.discord.message(first.message().ref().messageId()).path("components").toString())
                .as("a failed job offers Edit prompt too").contains("reelbot:edit:" + first.id());

        JsonNode bob = callback(editClick(Interactions.BOB, first));
        assertThat(bob.path("type").asInt()).as("an ephemeral answer, no form").isEqualTo(4);
        assertThat(bob.path("data").path("content").asText()).contains("can edit its prompt");

        String answer = h.interact(Interactions.modalSubmit(Instant.now(), Interactions.ALICE,
                "reelbot:edit:" + first.id(), DiscordForms.PROMPT, "a calm sea --duration 8", null));
        assertThat(answer).contains("accepted").contains("8 s");
        String refused = h.interact(Interactions.modalSubmit(Instant.now(), Interactions.BOB,
                "reelbot:edit:" + first.id(), DiscordForms.PROMPT, "a calm sea", null));
        assertThat(refused).contains("Only the person who asked for job `" + first.id() + "` can edit its prompt");
    }

    @Test
    void animateImageOpensAFormAndStartsAJobOnTheMessagesImage() {
        ObjectNode post = Interactions.userMessage(Interactions.BOB, List.of(
                Interactions.file("notes.txt", "text/plain"), Interactions.file("beach.png", "image/png")));
        String imageUrl = post.path("attachments").get(1).path("url").asText();

        JsonNode form = callback(Interactions.inLocale(Interactions.messageCommand(Instant.now(), Interactions.ALICE,
                DiscordCommands.ANIMATE, post), "zh-CN"));

        assertThat(form.path("type").asInt()).isEqualTo(CallbackRules.MODAL);
        assertThat(form.path("data").path("title").asText()).isEqualTo("动画化图片");
        String answer = h.interact(Interactions.inLocale(Interactions.modalSubmit(Instant.now(), Interactions.ALICE,
                form.path("data").path("custom_id").asText(), DiscordForms.PROMPT, "the waves roll", null), "zh-CN"));
        assertThat(answer).startsWith("🎬 已接受任务").contains("基于图片");
        Job job = h.job(DiscordHarness.jobIdIn(answer));
        assertThat(job.request().imageUrl()).isEqualTo(imageUrl);
        assertThat(job.request().prompt()).isEqualTo("the waves roll");
        h.runUntilSettled();
        assertThat(h.job(job.id()).state().isFinal()).isTrue();

        String again = h.interact(Interactions.modalSubmit(Instant.now(), Interactions.ALICE,
                form.path("data").path("custom_id").asText(), DiscordForms.PROMPT, "the waves roll", null));
        assertThat(again).as("a form is used once").contains("use Animate image on the message again");
    }

    @Test
    void animateImageOnAMessageWithoutAnImageSaysSo() {
        ObjectNode post = Interactions.userMessage(Interactions.BOB, List.of(Interactions.file("a.txt", "text/plain")));

        JsonNode answer = callback(Interactions.messageCommand(Instant.now(), Interactions.ALICE,
                DiscordCommands.ANIMATE, post));

        assertThat(answer.path("type").asInt()).isEqualTo(4);
        assertThat(answer.path("data").path("content").asText()).contains("no image to animate");
        assertThat(h.store.unsettled()).isEmpty();
    }

    @Test
    void theModelOptionCompletesWithTheChannelsModelsAndTheirDescriptions() {
        JsonNode all = callback(Interactions.autocomplete(Instant.now(), Interactions.ALICE, "model", ""));
        assertThat(all.path("type").asInt()).isEqualTo(CallbackRules.AUTOCOMPLETE);
        assertThat(all.path("data").path("choices")).extracting(c -> c.path("value").asText())
                .containsExactly("sora-2", "kling-v2-1");
        assertThat(all.path("data").path("choices").get(0).path("name").asText()).startsWith("sora-2 — ");

        JsonNode kl = callback(Interactions.autocomplete(Instant.now(), Interactions.ALICE, "model", "KL"));
        assertThat(kl.path("data").path("choices")).extracting(c -> c.path("value").asText())
                .containsExactly("kling-v2-1");
    }
}
