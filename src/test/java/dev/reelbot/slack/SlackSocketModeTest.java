package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Bolt Socket Mode client (Tyrus) against the fake's WebSocket: an envelope in, an ack out, a video. */
class SlackSocketModeTest {
    @TempDir
    Path dir;

    @Test
    void aSlashCommandEnvelopeIsAcknowledgedAndItsJobRunsToTheEnd() throws Exception {
        try (SlackHarness h = new SlackHarness(dir, true, 45)) {
            await().atMost(Duration.ofSeconds(10)).until(h.slack::socketConnected);
            ObjectNode envelope = new ObjectMapper().createObjectNode().put("envelope_id", "env-1")
                    .put("type", "slash_commands").put("accepts_response_payload", true);
            envelope.putObject("payload").put("token", "legacy").put("team_id", FakeSlack.TEAM)
                    .put("team_domain", "test").put("channel_id", "C0GENERAL").put("channel_name", "general")
                    .put("user_id", "U0ALICE1").put("user_name", "alice").put("command", "/video")
                    .put("text", "a cat surfing --duration 8").put("api_app_id", "A1")
                    .put("response_url", h.slack.base() + "/respond/sock").put("trigger_id", "trig-socket");

            h.slack.sendEnvelope(envelope.toString());

            await().atMost(Duration.ofSeconds(10)).until(() -> !h.slack.socketAcks().isEmpty());
            assertThat(h.slack.socketAcks()).singleElement().satisfies(ack -> assertThat(ack)
                    .contains("\"envelope_id\":\"env-1\"").contains("accepted: sora-2 · 8 s"));
            h.runUntilSettled();
            List<Job> jobs = h.store.recentJobs("slack", "U0ALICE1", 10);
            assertThat(jobs).singleElement().satisfies(job -> {
                assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
                assertThat(job.requestKey()).isEqualTo("slack:trig-socket");
                assertThat(h.slack.message("C0GENERAL", job.message().ref().messageId()).blocks())
                        .contains("Video ready");
            });
        }
    }

    @Test
    void aFormsProblemsGoBackInTheSocketAcknowledgement() throws Exception {
        try (SlackHarness h = new SlackHarness(dir, true, 45)) {
            await().atMost(Duration.ofSeconds(10)).until(h.slack::socketConnected);
            ObjectMapper json = new ObjectMapper();
            ObjectNode open = json.createObjectNode().put("envelope_id", "env-open").put("type", "interactive")
                    .put("accepts_response_payload", true);
            open.set("payload", SlackPayloads.shortcut(SlackForms.SHORTCUT, "U0ALICE1", "trig-sock-form"));
            h.slack.sendEnvelope(open.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> h.slack.views().viewCount() == 1);

            ObjectNode submit = json.createObjectNode().put("envelope_id", "env-submit").put("type", "interactive")
                    .put("accepts_response_payload", true);
            submit.set("payload", SlackPayloads.viewSubmission(h.slack.views().lastView(), "U0ALICE1",
                    java.util.Map.of("prompt", "a cat", "where", "C0GENERAL", "duration_sora-2", "7")));
            h.slack.sendEnvelope(submit.toString());

            await().atMost(Duration.ofSeconds(10)).until(() -> h.slack.socketAcks().stream()
                    .anyMatch(ack -> ack.contains("env-submit")));
            assertThat(h.slack.socketAcks()).filteredOn(ack -> ack.contains("env-submit")).singleElement()
                    .satisfies(ack -> assertThat(json.readTree(ack).path("payload").path("errors")
                            .path("duration_sora-2").asText()).contains("--duration 7 is not one of them"));
            assertThat(h.store.recentJobs("slack", "U0ALICE1", 10)).isEmpty();
        }
    }
}
