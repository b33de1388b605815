package dev.reelbot.slack;

import static dev.reelbot.slack.SlackFormTest.answerOf;
import static dev.reelbot.slack.SlackFormTest.blockIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.InlineImage;
import dev.reelbot.core.job.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The global shortcut "Make a video" and the message shortcut "Animate with reelbot", with the real Bolt. */
class SlackShortcutsTest extends WithSlack {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGlobalShortcutAsksWhereToPostAndTheJobRunsThere() throws Exception {
        h.interaction(SlackPayloads.shortcut(SlackForms.SHORTCUT, "U0ALICE1", "trig-global")).close();

        JsonNode view = h.slack.views().lastView();
        assertThat(blockIds(view).get(0)).isEqualTo("where");
        assertThat(view.path("blocks").get(0).path("element").path("default_to_current_conversation").asBoolean())
                .isTrue();
        JsonNode unpicked = answerOf(h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1",
                Map.of("prompt", "a cat surfing"))));
        assertThat(unpicked.path("errors").path("where").asText()).contains("Pick the channel");

        h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt", "a cat surfing",
                "where", "C0RANDOM"))).close();
        h.runUntilSettled();

        Job job = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        assertThat(job.requester().channel()).isEqualTo("C0RANDOM");
        assertThat(h.slack.message("C0RANDOM", job.message().ref().messageId()).blocks()).contains("Video ready");
    }

    @Test
    void animatingAMessagesImageOpensTheFormWithItAndTheJobStartsFromIt() throws Exception {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2};
        String pdf = h.slack.files().share("notes.pdf", "application/pdf", new byte[] {1});
        String image = h.slack.files().share("cat.jpg", "image/jpeg", jpeg);
        List<ObjectNode> files = List.of(describe(pdf), describe(image));

        h.interaction(SlackPayloads.messageAction(SlackForms.ANIMATE, "U0ALICE1", "C0GENERAL", files, "trig-msg",
                h.slack.base() + "/respond/msg")).close();

        JsonNode view = h.slack.views().lastView();
        assertThat(view.path("private_metadata").asText()).contains("image=" + image);
        assertThat(view.toString()).contains("From the message: cat.jpg");
        h.interaction(SlackPayloads.viewSelect(view, "U0ALICE1", "model", "model", "kling-v2-1")).close();
        JsonNode redrawn = h.slack.views().view(view.path("id").asText());
        assertThat(redrawn.path("private_metadata").asText()).isEqualTo(view.path("private_metadata").asText());
        h.interaction(SlackPayloads.viewSubmission(redrawn, "U0ALICE1", Map.of("prompt", "the cat starts to dance",
                "model", "kling-v2-1"))).close();
        Job job = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        assertThat(job.requester().channel()).isEqualTo("C0GENERAL");
        assertThat(job.request().model()).isEqualTo("kling-v2-1");
        assertThat(InlineImage.parse(job.request().imageUrl()).orElseThrow().bytes()).isEqualTo(jpeg);
        h.runUntilSettled();
    }

    @Test
    void aMessageWithoutAnImageGetsAPrivateAnswerAndNoForm() throws Exception {
        String pdf = h.slack.files().share("notes.pdf", "application/pdf", new byte[] {1});

        h.interaction(SlackPayloads.messageAction(SlackForms.ANIMATE, "U0ALICE1", "C0GENERAL", List.of(describe(pdf)),
                "trig-msg", h.slack.base() + "/respond/msg")).close();

        assertThat(h.slack.views().viewCount()).isZero();
        assertThat(h.slack.responses()).singleElement().satisfies(r -> assertThat(r)
                .contains("That message has no image").contains("\"response_type\":\"ephemeral\""));
    }

    private ObjectNode describe(String file) {
        return h.slack.files().describe(file, h.slack.base(), JSON.createObjectNode());
    }
}
