package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.Job;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each Discord interaction's {@code locale} is the requester's language: the answer, the progress message and the
 * final message are in it (Chinese, Spanish; English for a language the bot lacks), it is kept with the job, and
 * the admins' notice stays in {@code messages.admin-locale}. Replies name Discord's own commands.
 */
class DiscordLanguagesTest extends WithDiscord {

    private String video(String locale, String prompt) {
        ObjectNode slash = Interactions.slash(Instant.now(), Interactions.ALICE, List.of(), DiscordCommands.VIDEO,
                null, List.of(Interactions.Option.string(DiscordCommands.PROMPT, prompt)));
        return h.interact(Interactions.inLocale(slash, locale));
    }

    /** Every body the bot sent for the job's message, posted then edited, in order. */
    private String progressShown(Job job) {
        String message = job.message().ref().messageId();
        StringBuilder shown = new StringBuilder();
        h.channelPosts().forEach(c -> shown.append(DiscordHarness.embedText(c.body())).append('\n'));
        h.channelEdits().stream().filter(c -> c.path().endsWith(message))
                .forEach(c -> shown.append(DiscordHarness.embedText(c.body())).append('\n'));
        return shown.toString();
    }

    private String finalMessage(Job job) {
        return h.discord.message(job.message().ref().messageId()).toString();
    }

    @Test
    void aChineseClientGetsItsAnswerProgressAndFinalMessageInChinese() {
        String answer = video("zh-CN", "一只在日落时冲浪的猫");
        assertThat(answer).startsWith("🎬 已接受任务 `").contains("sora-2 · 4 秒").endsWith("进度将显示在此频道。");
        Job job = h.job(DiscordHarness.jobIdIn(answer));
        assertThat(job.requester().locale()).isEqualTo("zh-CN");

        h.runUntilSettled();

        job = h.job(job.id());
        assertThat(progressShown(job)).contains("排队中").contains("模型").contains("任务 " + job.id());
        assertThat(finalMessage(job)).contains("✅ 视频已就绪").contains("已送达：已上传。").contains("已上传在下方").contains("用时")
                .contains("重新生成").contains("编辑提示词").contains("详情").doesNotContain("Video ready");
    }

    @Test
    void aSpanishClientGetsSpanish() {
        String answer = video("es-ES", "un gato surfeando");
        assertThat(answer).startsWith("🎬 Trabajo `").contains("aceptado").endsWith("en este canal.");
        Job job = h.job(DiscordHarness.jobIdIn(answer));

        h.runUntilSettled();

        assertThat(finalMessage(h.job(job.id()))).contains("✅ Vídeo listo").contains("Entregado: subido.")
                .contains("Volver a generar").contains("Editar prompt");
    }

    @Test
    void aLanguageTheBotLacksGetsEnglish() {
        String answer = video("pt-BR", "um gato surfando");
        assertThat(answer).startsWith("🎬 Job `").contains("accepted");
        Job job = h.job(DiscordHarness.jobIdIn(answer));
        assertThat(job.requester().locale()).isEqualTo("en");

        h.runUntilSettled();

        assertThat(finalMessage(h.job(job.id()))).contains("✅ Video ready").contains("Re-roll");
    }

    @Test
    void aFailedChineseJobIsChineseToItsRequesterAndTheRefundNoticeIsInTheAdminsLanguage() {
        Job job = h.job(DiscordHarness.jobIdIn(video("zh-CN", "a storm [fail]")));

        h.runUntilSettled();

        job = h.job(job.id());
        assertThat(finalMessage(job)).contains("❌ 失败").contains("视频 API 未能生成").contains("已通知管理员办理退款");
        String notice = DiscordHarness.embedText(h.discord.message(job.refund().notice().messageId()));
        assertThat(notice).contains("💸 Refund needed").contains("the video API could not generate it")
                .doesNotContain("视频");
    }

    @Test
    void theAdminsNoticeIsInMessagesAdminLocale() throws Exception {
        h.close();
        h = new DiscordHarness(dir.resolve("spanish-admins"), s -> s, EngineSettings.defaults(dir.resolve("videos"))
                .withAdminLocale("es"), MediaParts.NONE);
        Job job = h.job(DiscordHarness.jobIdIn(video("zh-CN", "a storm [fail]")));

        h.runUntilSettled();

        JsonNode notice = h.discord.message(h.job(job.id()).refund().notice().messageId());
        assertThat(DiscordHarness.embedText(notice)).contains("💸 Reembolso necesario")
                .contains("la API de vídeo no pudo generarlo");
        assertThat(notice.path("components").toString()).contains("Marcar reembolsado");
    }

    @Test
    void answersNameDiscordsCommandsAndHelpDescribesTheAttachment() {
        String notAJob = video("en-US", "status nosuchjob");
        assertThat(notAJob).contains("/video-list shows yours").doesNotContain("/video list");

        String help = h.interact(Interactions.slash(Instant.now(), Interactions.ALICE, List.of(),
                DiscordCommands.HELP, null, List.of()));
        assertThat(help).contains("image:").contains("attach it").doesNotContain("--image URL")
                .contains("/video-status job:<job>").contains("/video-admin resolve job:<job> [note:<note>]")
                .contains("Animate image");

        String spanishHelp = h.interact(Interactions.inLocale(Interactions.slash(Instant.now(), Interactions.ALICE,
                List.of(), DiscordCommands.HELP, null, List.of()), "es-ES"));
        assertThat(spanishHelp).contains("Haz un vídeo: /video prompt:<lo que quieres ver>").contains("adjúntalo");
    }
}
