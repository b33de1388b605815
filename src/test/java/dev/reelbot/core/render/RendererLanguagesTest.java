package dev.reelbot.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.TestJobs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A job's message is in its requester's language; the admins' notice about it in the admins' language. */
class RendererLanguagesTest {
    private static final Instant T0 = TestJobs.T0;

    @Test
    void theRequesterReadsTheirLanguageAndTheAdminsTheirs() {
        Job job = TestJobs.failed(TestJobs.ALICE.withLocale("zh-CN"));

        JobView view = new Renderer(TestJobs.MODELS, "es").render(job, T0.plusSeconds(75));
        NoticeView notice = new Renderer(TestJobs.MODELS, "es").notice(job, NoticeKind.REFUND, false);

        assertThat(view.locale()).isEqualTo("zh-CN");
        assertThat(view.headline()).isEqualTo("❌ 失败");
        assertThat(view.settings()).isEqualTo("sora-2 · 8 秒 · 720x1280");
        assertThat(view.elapsed()).isEqualTo("用时 10秒");
        assertThat(((JobView.Failed) view.result()).reason())
                .isEqualTo("视频 API 未能生成：the model could not generate this video");
        assertThat(notice.locale()).isEqualTo("es");
        assertThat(notice.headline()).isEqualTo("💸 Reembolso necesario");
        assertThat(notice.lines()).extracting(NoticeView.Fact::label).contains("Solicitante", "Motivo");
        assertThat(notice.plainText()).contains("la API de vídeo no pudo generarlo: the model could not generate")
                .contains("24/11/2026 12:00 UTC");
    }

    @Test
    void withoutAnAdminLocaleNoticesAreEnglish() {
        Job job = TestJobs.failed(TestJobs.ALICE.withLocale("es-ES"));

        assertThat(new Renderer(TestJobs.MODELS).notice(job, NoticeKind.REFUND, false).plainText())
                .startsWith("💸 Refund needed").contains("the video API could not generate it");
    }
}
