package dev.reelbot.slack;

import static dev.reelbot.slack.SlackFormTest.answerOf;
import static dev.reelbot.slack.SlackFormTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.InlineImage;
import dev.reelbot.core.job.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Animate with reelbot" on a message whose image is not a file: a link unfurl's image or an image block. The link
 * is carried as the job's image URL, checked by the parser as a typed {@code --image URL} is; the bot fetches
 * nothing itself.
 */
class SlackAnimateLinksTest extends WithSlack {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "https://images.example.com/pets/cat.png?size=large;v=2";

    @Test
    void anUnfurledImageBecomesTheJobsImageUrl() throws Exception {
        String pdf = h.slack.files().share("notes.pdf", "application/pdf", new byte[] {1});
        ObjectNode shortcut = SlackPayloads.withUnfurl(animate(List.of(describe(pdf))), "https://example.com/a-cat",
                IMAGE);

        h.interaction(shortcut).close();

        JsonNode view = h.slack.views().lastView();
        assertThat(view.toString()).contains("From the message: images.example.com/cat.png")
                .contains("Another reference image");
        // Sora takes the image as a file the video API adapter would fetch; Kling takes the link as it is.
        h.interaction(SlackPayloads.viewSelect(view, "U0ALICE1", "model", "model", "kling-v2-1")).close();
        JsonNode redrawn = h.slack.views().view(view.path("id").asText());
        h.interaction(SlackPayloads.viewSubmission(redrawn, "U0ALICE1", Map.of("prompt", "the cat waves",
                "model", "kling-v2-1"))).close();

        Job job = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        assertThat(job.request().imageUrl()).isEqualTo(IMAGE);
        assertThat(job.requester().channel()).isEqualTo("C0GENERAL");
        assertThat(h.slack.files().downloads()).as("the bot read nothing itself").isEmpty();
        h.runUntilSettled();
        assertThat(h.slack.message("C0GENERAL", h.store.find(job.id()).orElseThrow().message().ref().messageId())
                .blocks()).contains("Video ready");
    }

    @Test
    void anImageBlockComesFirstAndASlackFileThereIsReadWithTheToken() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 7};
        String file = h.slack.files().share("drawing.png", "image/png", png);
        ObjectNode linked = SlackPayloads.withImageBlock(SlackPayloads.withUnfurl(animate(List.of()),
                "https://example.com/a-cat", "https://images.example.com/unfurl.png"),
                "https://images.example.com/block.png", null);
        ObjectNode fromFile = SlackPayloads.withImageBlock(animate(List.of()), null, file);

        h.interaction(linked).close();
        assertThat(h.slack.views().lastView().path("private_metadata").asText()).contains("block.png")
                .doesNotContain("unfurl.png");
        h.interaction(fromFile).close();
        h.interaction(SlackPayloads.viewSubmission(h.slack.views().lastView(), "U0ALICE1", Map.of("prompt",
                "the drawing comes alive"))).close();

        Job job = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        assertThat(InlineImage.parse(job.request().imageUrl()).orElseThrow().bytes()).isEqualTo(png);
        assertThat(h.slack.files().downloads()).containsExactly("Bearer xoxb-test-token-123456");
    }

    @Test
    void aLinkThePolicyRefusesIsShownOnTheImageFieldAndAnUploadReplacesIt() throws Exception {
        h.interaction(SlackPayloads.withUnfurl(animate(List.of()), "https://example.com/x",
                "https://10.0.0.7/internal.png")).close();
        JsonNode view = h.slack.views().lastView();

        JsonNode errors = answerOf(h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1",
                Map.of("prompt", "move")))).path("errors");
        assertThat(fieldNames(errors)).containsExactly("image");
        assertThat(errors.path("image").asText()).contains("10.0.0.7");
        assertThat(h.store.recentJobs("slack", "U0ALICE1", 10)).isEmpty();

        String file = h.slack.files().share("mine.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        h.interaction(SlackPayloads.viewSubmission(view, "U0ALICE1", Map.of("prompt", "move", "image",
                List.of(describe(file))))).close();
        assertThat(InlineImage.parse(h.store.recentJobs("slack", "U0ALICE1", 10).get(0).request().imageUrl()))
                .isPresent();
    }

    @Test
    void linksThatAreNotHttpsOrNeedSlacksTokenDoNotCount() throws Exception {
        ObjectNode shortcut = SlackPayloads.withImageBlock(SlackPayloads.withUnfurl(animate(List.of()),
                "https://example.com/x", "http://images.example.com/plain.png"),
                "https://files.slack.com/files-pri/T1-F1/cat.png", null);

        h.interaction(shortcut).close();

        assertThat(h.slack.views().viewCount()).isZero();
        assertThat(h.slack.responses()).singleElement().satisfies(r -> assertThat(r)
                .contains("That message has no image"));
    }

    private ObjectNode animate(List<ObjectNode> files) {
        return SlackPayloads.messageAction(SlackForms.ANIMATE, "U0ALICE1", "C0GENERAL", files,
                "trig-anim-" + System.nanoTime(), h.slack.base() + "/respond/msg");
    }

    private ObjectNode describe(String file) {
        return h.slack.files().describe(file, h.slack.base(), JSON.createObjectNode());
    }
}
