package dev.reelbot.slack;

import static dev.reelbot.slack.SlackFormTest.answerOf;
import static dev.reelbot.slack.SlackFormTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The form, its shortcuts and the App Home speak the viewer's Slack language (from {@code users.info}), with the
 * real Bolt against the fake Slack: labels, inline errors, private answers, the home's headers and buttons.
 */
class SlackFormLanguagesTest extends WithSlack {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChineseUsersFormIsInChineseAndABadDurationIsRefusedInChineseOnItsField() throws Exception {
        h.slack.userLocale("U0CHEN01", "zh-CN");

        h.command("", "trig-zh-form", "U0CHEN01", "C0GENERAL").close();

        JsonNode view = h.slack.views().lastView();
        assertThat(view.path("title").path("text").asText()).isEqualTo("生成视频");
        assertThat(view.path("submit").path("text").asText()).isEqualTo("开始");
        assertThat(label(view, "prompt")).isEqualTo("提示词");
        assertThat(label(view, "duration_sora-2")).isEqualTo("时长");
        assertThat(view.path("blocks").get(2).path("element").path("options").get(0).path("text").path("text")
                .asText()).isEqualTo("4 秒");
        ObjectNode submission = SlackPayloads.viewSubmission(view, "U0CHEN01", Map.of("prompt", "一只冲浪的猫",
                "model", "kling-v2-1", "duration_sora-2", "12"));

        JsonNode answer = answerOf(h.interaction(submission));

        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(fieldNames(answer.path("errors"))).containsExactly("duration_sora-2");
        assertThat(answer.path("errors").path("duration_sora-2").asText())
                .isEqualTo("kling-v2-1 可生成 5或10 秒的视频；--duration 12 不在其中。");
        assertThat(h.store.recentJobs("slack", "U0CHEN01", 10)).isEmpty();
    }

    @Test
    void aRedrawAndTheGlobalShortcutsFormStayInTheUsersLanguage() throws Exception {
        h.slack.userLocale("U0ESPA01", "es-ES");

        h.interaction(SlackPayloads.shortcut(SlackForms.SHORTCUT, "U0ESPA01", "trig-es-global")).close();
        JsonNode view = h.slack.views().lastView();
        assertThat(label(view, "where")).isEqualTo("Publicarlo en");
        JsonNode unpicked = answerOf(h.interaction(SlackPayloads.viewSubmission(view, "U0ESPA01",
                Map.of("prompt", "un gato"))));
        assertThat(unpicked.path("errors").path("where").asText()).isEqualTo(
                "Elige el canal donde se mostrará el vídeo.");

        h.interaction(SlackPayloads.viewSelect(view, "U0ESPA01", "model", "model", "kling-v2-1")).close();
        JsonNode redrawn = h.slack.views().view(view.path("id").asText());
        assertThat(redrawn.path("title").path("text").asText()).isEqualTo("Haz un vídeo");
        assertThat(label(redrawn, "duration_kling-v2-1")).isEqualTo("Duración");
    }

    @Test
    void anImageRefusalAndAMessageWithoutAnImageAreAnsweredInTheUsersLanguage() throws Exception {
        h.slack.userLocale("U0ESPA01", "es-419");
        String pdf = h.slack.files().share("notas.pdf", "application/pdf", new byte[] {1, 2});
        ObjectNode described = h.slack.files().describe(pdf, h.slack.base(), JSON.createObjectNode());
        h.command("", "trig-es-form", "U0ESPA01", "C0GENERAL").close();

        JsonNode errors = answerOf(h.interaction(SlackPayloads.viewSubmission(h.slack.views().lastView(), "U0ESPA01",
                Map.of("prompt", "que se mueva", "image", List.of(described))))).path("errors");
        h.interaction(SlackPayloads.messageAction(SlackForms.ANIMATE, "U0ESPA01", "C0GENERAL", List.of(described),
                "trig-es-msg", h.slack.base() + "/respond/msg")).close();

        assertThat(errors.path("image").asText()).isEqualTo(
                "No se puede usar esta imagen: no es una imagen JPEG, PNG o WebP.");
        assertThat(h.slack.responses()).singleElement().satisfies(r -> assertThat(r)
                .contains("Ese mensaje no tiene ninguna imagen que animar"));
    }

    @Test
    void aSpanishUsersHomeIsInSpanishAndAnAdminsShowsTheRefundsInSpanish() throws Exception {
        h.slack.userLocale("U0ESPA01", "es-ES");
        h.slack.userLocale(SlackHarness.ADMIN, "es-ES");
        h.command("una tormenta [fail]", "trig-es-fail", "U0ESPA01", "C0GENERAL").close();
        h.runUntilSettled();

        h.event(SlackPayloads.homeOpened("U0ESPA01")).close();
        h.event(SlackPayloads.homeOpened(SlackHarness.ADMIN)).close();

        assertThat(h.slack.views().home("U0ESPA01")).contains("Tus vídeos recientes").contains("una tormenta")
                .doesNotContain("Reembolsos pendientes").doesNotContain("Your recent videos");
        JsonNode admin = JSON.readTree(h.slack.views().home(SlackHarness.ADMIN));
        assertThat(headers(admin)).containsExactly("Tus vídeos recientes", "Gasto de este mes",
                "Reembolsos pendientes");
        assertThat(admin.toString()).contains("Aún no tienes vídeos");
        assertThat(admin.findValues("accessory").get(0).path("text").path("text").asText())
                .isEqualTo("Marcar reembolsado");

        Job failed = h.store.recentJobs("slack", "U0ESPA01", 1).get(0);
        h.interaction(SlackPayloads.viewButton(admin, SlackHarness.ADMIN, SlackHome.REFUND, failed.id())).close();

        assertThat(h.store.find(failed.id()).orElseThrow().refund().note())
                .isEqualTo("marcado como reembolsado en la pestaña Inicio de la app en Slack");
        assertThat(h.slack.views().home(SlackHarness.ADMIN)).contains("No hay reembolsos pendientes");
    }

    @Test
    void anUnknownLanguageGetsTheHomeAndTheFormInEnglish() throws Exception {
        h.slack.userLocale("U0PORT01", "pt-BR");

        h.event(SlackPayloads.homeOpened("U0PORT01")).close();
        h.interaction(SlackPayloads.shortcut(SlackForms.SHORTCUT, "U0PORT01", "trig-pt-global")).close();

        assertThat(h.slack.calls("users.info")).as("the language was asked, once").singleElement()
                .satisfies(c -> assertThat(c.form()).containsEntry("user", "U0PORT01")
                        .containsEntry("include_locale", "1"));
        assertThat(h.slack.views().home("U0PORT01")).contains("Your recent videos");
        JsonNode view = h.slack.views().lastView();
        assertThat(view.path("title").path("text").asText()).isEqualTo("Make a video");
        assertThat(label(view, "prompt")).isEqualTo("Prompt");
    }

    private static String label(JsonNode view, String blockId) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals(blockId)) {
                return block.path("label").path("text").asText();
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private static List<String> headers(JsonNode home) {
        List<String> headers = new ArrayList<>();
        home.path("blocks").forEach(b -> {
            if (b.path("type").asText().equals("header")) {
                headers.add(b.path("text").path("text").asText());
            }
        });
        return headers;
    }
}
