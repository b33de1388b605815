package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.InlineImage;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The "Make a video" form with the real Bolt against the fake Slack: opened by an empty {@code /video}, validated
 * by the parser with each problem on its field, redrawn on a model change, and a valid one runs its job in the
 * channel it was opened from.
 */
class SlackFormTest extends WithSlack {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptyCommandOpensTheFormAndSaysNothingElse() throws Exception {
        try (Response answer = h.command("", "trig-empty", "U0ALICE1", "C0GENERAL")) {
            assertThat(answer.code()).isEqualTo(200);
            assertThat(answer.body().string()).isEmpty();
        }
        assertThat(h.slack.calls("views.open")).singleElement()
                .satisfies(c -> assertThat(c.field("trigger_id")).isEqualTo("trig-empty"));
        JsonNode view = h.slack.views().lastView();
        assertThat(view.path("callback_id").asText()).isEqualTo(SlackModal.CALLBACK);
        assertThat(blockIds(view)).containsExactly("prompt", "model", "duration_sora-2", "size_sora-2", "negative",
                "seed", "image");
        assertThat(view.path("blocks").get(1).path("element").path("options")).extracting(o -> o.path("value")
                .asText()).containsExactly("sora-2", "kling-v2-1");
        assertThat(h.store.recentJobs("slack", "U0ALICE1", 10)).isEmpty();
    }

    @Test
    void aBadDurationIsShownOnTheDurationFieldAndNothingStarts() throws Exception {
        JsonNode view = openForm();
        // Kling picked, then submitted before the form was redrawn: the duration is still one of Sora's.
        ObjectNode submission = SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt", "a cat surfing",
                "model", "kling-v2-1", "duration_sora-2", "12"));

        JsonNode answer = answerOf(h.interaction(submission));

        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(fieldNames(answer.path("errors"))).containsExactly("duration_sora-2");
        assertThat(answer.path("errors").path("duration_sora-2").asText())
                .isEqualTo("kling-v2-1 makes videos of 5 or 10 seconds; --duration 12 is not one of them.");
        assertThat(blockIds(view)).contains("duration_sora-2");
        assertThat(h.store.recentJobs("slack", "U0ALICE1", 10)).isEmpty();
    }

    @Test
    void everyProblemGoesOnItsOwnFieldAndGeneralOnesOnThePrompt() throws Exception {
        JsonNode view = openForm();
        ObjectNode submission = SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt",
                "a cat --fps 9000", "seed", "minus one", "size_sora-2", "333x333"));

        JsonNode errors = answerOf(h.interaction(submission)).path("errors");

        assertThat(fieldNames(errors)).containsExactlyInAnyOrder("prompt", "seed", "size_sora-2");
        assertThat(blockIds(view)).as("Slack only shows errors on the form's input blocks")
                .containsAll(fieldNames(errors));
        assertThat(errors.path("seed").asText()).startsWith("--seed must be a whole number");
        assertThat(errors.path("prompt").asText()).startsWith("--fps must be a whole number");
        assertThat(errors.path("size_sora-2").asText()).contains("333x333 is not one of them");
    }

    @Test
    void aValidFormStartsAJobWhoseProgressShowsInTheChannelItWasOpenedFrom() throws Exception {
        JsonNode view = openForm();
        ObjectNode submission = SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt",
                "a cat surfing\nat sunset", "duration_sora-2", "8", "negative", "rain", "seed", "42"));

        try (Response answer = h.interaction(submission)) {
            assertThat(answer.code()).isEqualTo(200);
            assertThat(answer.body().string()).isEmpty();
        }
        h.runUntilSettled();

        Job job = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        assertThat(job.requester().channel()).isEqualTo("C0GENERAL");
        assertThat(job.requestKey()).isEqualTo("slack-form:" + view.path("id").asText());
        assertThat(job.request().seconds()).isEqualTo(8);
        assertThat(job.request().seed()).isEqualTo(42L);
        assertThat(job.request().negativePrompt()).isEqualTo("rain");
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.slack.message("C0GENERAL", job.message().ref().messageId()).blocks()).contains("Video ready");
        assertThat(h.slack.calls("chat.postEphemeral")).anySatisfy(c -> assertThat(c.field("text"))
                .contains("accepted: sora-2 · 8 s"));
    }

    @Test
    void changingTheModelRedrawsTheFormWithThatModelsDurationsAndSizes() throws Exception {
        JsonNode view = openForm();

        h.interaction(SlackPayloads.viewSelect(view, "U0ALICE1", "model", "model", "kling-v2-1")).close();

        assertThat(h.slack.calls("views.update")).singleElement().satisfies(c -> {
            assertThat(c.field("view_id")).isEqualTo(view.path("id").asText());
            assertThat(c.field("hash")).isEqualTo(view.path("hash").asText());
        });
        JsonNode redrawn = h.slack.views().view(view.path("id").asText());
        assertThat(blockIds(redrawn)).contains("duration_kling-v2-1", "size_kling-v2-1")
                .doesNotContain("duration_sora-2");
        JsonNode durations = redrawn.path("blocks").get(2).path("element");
        assertThat(durations.path("options")).extracting(o -> o.path("value").asText()).containsExactly("5", "10");
        assertThat(redrawn.path("blocks").get(1).path("element").path("initial_option").path("value").asText())
                .isEqualTo("kling-v2-1");
    }

    @Test
    void anUploadedImageIsReadWithTheBotTokenAndCarriedToTheJob() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 4, 5, 6};
        String file = h.slack.files().share("frame.png", "image/png", png);
        JsonNode view = openForm();
        ObjectNode described = h.slack.files().describe(file, h.slack.base(), JSON.createObjectNode());

        h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt", "make it move",
                "image", List.of(described)))).close();

        Job job = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        assertThat(InlineImage.parse(job.request().imageUrl())).hasValueSatisfying(image -> {
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(image.bytes()).isEqualTo(png);
        });
        assertThat(h.slack.files().downloads()).containsExactly("Bearer xoxb-test-token-123456");
        assertThat(h.engine.commands().details(job.requester(), job.id()).text())
                .contains("Image: an uploaded PNG image (1 KiB)").doesNotContain("base64");
        h.runUntilSettled();
        assertThat(h.store.find(job.id()).orElseThrow().delivery().state()).isEqualTo(DeliveryState.UPLOADED);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedOnTheImageField() throws Exception {
        String file = h.slack.files().share("notes.pdf", "application/pdf", new byte[] {1, 2});
        JsonNode view = openForm();
        ObjectNode described = h.slack.files().describe(file, h.slack.base(), JSON.createObjectNode());

        JsonNode errors = answerOf(h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt",
                "make it move", "image", List.of(described))))).path("errors");

        assertThat(errors.path("image").asText()).contains("not a JPEG, PNG or WebP image");
        assertThat(h.store.recentJobs("slack", "U0ALICE1", 10)).isEmpty();
    }

    @Test
    void aFormSubmittedWhileTheBotStopsStartsNothingAndSaysToTryAgain() throws Exception {
        JsonNode view = openForm();
        h.app.stopServing();

        JsonNode errors = answerOf(h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt",
                "a cat surfing")))).path("errors");

        assertThat(errors.path("prompt").asText()).isEqualTo("reelbot is restarting; try again in a moment.");
        assertThat(h.store.recentJobs("slack", "U0ALICE1", 10)).isEmpty();
    }

    @Test
    void whenSlackCannotShowTheFormTheCommandSaysHowToTypeOne() throws Exception {
        h.slack.answerNext("views.open", 200, "{\"ok\":false,\"error\":\"expired_trigger_id\"}", null);

        try (Response answer = h.command("", "trig-late", "U0ALICE1", "C0GENERAL")) {
            assertThat(answer.body().string()).contains("Describe the video you want");
        }
    }

    @Test
    void anImageTheBotMayNotReadStartsNothingAndTheUserIsToldWhy() throws Exception {
        String file = h.slack.files().share("frame.png", "image/png", new byte[] {1, 2, 3});
        h.slack.files().answerSignInPage();
        JsonNode view = openForm();
        ObjectNode described = h.slack.files().describe(file, h.slack.base(), JSON.createObjectNode());
        ObjectNode gone = JSON.createObjectNode().put("id", "F0GONE").put("name", "gone.png")
                .put("mimetype", "image/png").put("size", 3);

        h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt", "make it move",
                "image", List.of(described)))).close();
        h.interaction(SlackPayloads.viewSubmission(openForm(), "U0ALICE1", Map.of("prompt", "make it move",
                "image", List.of(gone)))).close();

        assertThat(h.store.recentJobs("slack", "U0ALICE1", 10)).isEmpty();
        assertThat(h.slack.calls("chat.postEphemeral")).extracting(c -> c.field("text")).containsExactly(
                "Nothing was started: the reference image could not be read (the bot may not read it; an admin "
                        + "may need to add the files:read scope). Try another image.",
                "Nothing was started: the reference image could not be read (Slack did not give it to the bot; "
                        + "try again). Try another image.");
    }

    private JsonNode openForm() throws Exception {
        h.command("", "trig-open-" + System.nanoTime(), "U0ALICE1", "C0GENERAL").close();
        return h.slack.views().lastView();
    }

    static JsonNode answerOf(Response response) throws Exception {
        try (response) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    static List<String> blockIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.path("blocks").forEach(b -> {
            if (b.path("type").asText().equals("input")) {
                ids.add(b.path("block_id").asText());
            }
        });
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
