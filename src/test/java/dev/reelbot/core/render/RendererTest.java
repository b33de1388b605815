package dev.reelbot.core.render;

import static dev.reelbot.core.job.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
    private final Renderer renderer = new Renderer(TestJobs.MODELS);

    @Test
    void aViewBroughtToALaterMomentReadsAsTheJobRenderedThen() {
        Job[] jobs = {TestJobs.submitting(), TestJobs.running(40, T0), TestJobs.failed(),
                Transitions.delivered(TestJobs.completed(null), DeliveryState.UPLOADED, "ok", null, null, null, T0)};
        for (Job job : jobs) {
            JobView earlier = renderer.render(job, T0.plusSeconds(5));
            for (long later : new long[] {5, 61, 3_700}) {
                assertThat(renderer.at(earlier, job, T0.plusSeconds(later)))
                        .as("%s at +%d s", job.state(), later).isEqualTo(renderer.render(job, T0.plusSeconds(later)));
            }
        }
    }

    @Test
    void runningJobShowsABarPercentAndElapsedTime() {
        JobView view = renderer.render(TestJobs.running(45, T0.plusSeconds(30)), T0.plusSeconds(72));
        assertThat(view.headline()).isEqualTo("🎬 Generating");
        assertThat(view.progressBar()).isEqualTo("▓▓▓▓░░░░░░ 45%");
        assertThat(view.elapsed()).isEqualTo("1m 12s");
        assertThat(view.settings()).isEqualTo("sora-2 · 8 s · 720x1280");
        assertThat(view.prompt()).isEqualTo("a cat surfing");
        assertThat(view.requester()).isEqualTo("U_ALICE");
        assertThat(view.isFinal()).isFalse();
        assertThat(view.actions()).isEmpty();
        assertThat(view.result()).isNull();
    }

    @Test
    void queuedAndSubmittingHaveNoBar() {
        assertThat(renderer.render(TestJobs.submitting(), T0).progressBar()).isNull();
        assertThat(renderer.render(TestJobs.queued(), T0).status()).contains("queue");
    }

    @Test
    void completedButNotDeliveredIsNotFinal() {
        JobView view = renderer.render(TestJobs.completed(null), T0.plusSeconds(11));
        assertThat(view.isFinal()).isFalse();
        assertThat(view.status()).isEqualTo("Fetching the video…");
        assertThat(view.actions()).isEmpty();
    }

    @Test
    void uploadedVideoIsFinalWithButtons() {
        Job job = Transitions.delivered(TestJobs.completed(null), DeliveryState.UPLOADED, "uploaded (2.1 MB)", null,
                null, null, T0.plusSeconds(12));
        JobView view = renderer.render(job, T0.plusSeconds(500));
        assertThat(view.isFinal()).isTrue();
        assertThat(view.status()).isEqualTo("Delivered: uploaded.");
        assertThat(view.result()).isEqualTo(new JobView.Uploaded("uploaded (2.1 MB)", null, false));
        assertThat(view.elapsed()).isEqualTo("took 10s");
        assertThat(view.actions()).containsExactly(JobView.Action.REROLL, JobView.Action.DETAILS);
    }

    @Test
    void linkedVideoCarriesItsExpiryAndPoster() {
        VideoLink link = new VideoLink("https://cdn/v.mp4", T0.plusSeconds(3600));
        Job job = Transitions.delivered(TestJobs.completed("https://cdn/v.mp4"), DeliveryState.LINKED,
                "the video is 23.0 MB", link, "https://bot/v/x/t.jpg", null, T0);
        JobView view = renderer.render(job, T0);
        JobView.Linked linked = (JobView.Linked) view.result();
        assertThat(linked.url()).isEqualTo("https://cdn/v.mp4");
        assertThat(linked.expiresAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(linked.poster()).isEqualTo("https://bot/v/x/t.jpg");
        assertThat(view.status()).isEqualTo("Delivered: link (expires 2026-11-24 13:00 UTC).");
    }

    @Test
    void aCompressedUploadSaysSoAndLinksTheFullQuality() {
        VideoLink link = new VideoLink("https://bot/v/x/t.mp4", T0.plusSeconds(86_400));
        Job job = Transitions.delivered(TestJobs.completed(null), DeliveryState.TRANSCODED, "uploaded (9.1 MB)",
                link, null, "/media/x.mp4", T0);
        JobView view = renderer.render(job, T0);
        assertThat(view.headline()).isEqualTo("✅ Video ready");
        assertThat(view.status()).isEqualTo("Delivered: uploaded (compressed to fit; full quality: link).");
        assertThat(view.result()).isEqualTo(new JobView.Uploaded("uploaded (9.1 MB)", link, true));
        Job withoutLink = Transitions.delivered(TestJobs.completed(null), DeliveryState.TRANSCODED, "uploaded",
                null, null, null, T0);
        assertThat(renderer.render(withoutLink, T0).status()).isEqualTo("Delivered: uploaded (compressed to fit "
                + "the upload limit here).");
    }

    @Test
    void aVideoNoChatTookIsNeverShownAsAFailure() {
        Job kept = Transitions.undelivered(TestJobs.completed(null), new Failure("the chat refused the upload",
                "undelivered"), null,
                "/media/x.mp4", T0);
        JobView view = renderer.render(kept, T0);
        assertThat(view.headline()).doesNotContain("Fail").doesNotContain("Not delivered");
        assertThat(view.status()).contains("are being told");
        assertThat(view.result()).isEqualTo(new JobView.Kept("the chat refused the upload", false));
        assertThat(view.isFinal()).isTrue();
        Job told = Transitions.deliveryNoticePosted(Transitions.deliveryNoticeClaimed(kept, T0), new MessageRef(
                "slack", "C_ADMIN", "1.1"), T0);
        assertThat(renderer.render(told, T0).status()).contains("have been told");

        NoticeView notice = renderer.notice(kept, NoticeKind.DELIVERY, false);
        assertThat(notice.headline()).isEqualTo("📦 Video not delivered");
        assertThat(notice.resolvable()).as("nothing to mark refunded").isFalse();
        assertThat(notice.plainText()).contains("Why: the chat refused the upload")
                .contains("Video: kept at /media/x.mp4").contains("task_1");
        Job notFetched = Transitions.undelivered(TestJobs.completed(null), new Failure("it could not be fetched",
                "undelivered"), null, null,
                T0);
        assertThat(renderer.notice(notFetched, NoticeKind.DELIVERY, true).plainText())
                .contains("not kept by the bot: it is at the video API as task task_1");
    }

    @Test
    void failureSaysWhyAndWhereTheRefundStands() {
        Job failed = TestJobs.failed();
        JobView view = renderer.render(failed, T0);
        JobView.Failed result = (JobView.Failed) view.result();
        assertThat(view.headline()).isEqualTo("❌ Failed");
        assertThat(result.reason()).isEqualTo("the video API could not generate it: the model could not generate "
                + "this video");
        assertThat(result.refund()).isEqualTo(JobView.Refund.NOTIFYING);
        Job notified = Transitions.noticePosted(Transitions.noticeClaimed(failed, T0),
                new MessageRef("slack", "C_ADMIN", "1"), T0);
        assertThat(((JobView.Failed) renderer.render(notified, T0).result()).refund())
                .isEqualTo(JobView.Refund.NOTIFIED);
    }

    @Test
    void refusedJobSaysNothingWasCharged() {
        Job job = Transitions.rejected(TestJobs.sending(), new Failure("bad size", "invalid_size"), T0);
        JobView view = renderer.render(job, T0);
        assertThat(view.status()).isEqualTo("Nothing was charged.");
        assertThat(((JobView.Failed) view.result()).refund()).isEqualTo(JobView.Refund.NONE);
    }

    @Test
    void renderingIsPure() {
        Job job = TestJobs.running(45, T0);
        assertThat(renderer.render(job, T0.plusSeconds(9))).isEqualTo(renderer.render(job, T0.plusSeconds(9)));
    }

    @Test
    void longAndHostilePromptsAreTamed() {
        Job job = Job.submitting("abcd2345", "k", TestJobs.ALICE,
                VideoRequest.builder("<!channel> \u202Eevil\n" + "x".repeat(5000), "sora-2").build(), null, T0);
        JobView view = renderer.render(job, T0);
        assertThat(view.prompt()).hasSizeLessThanOrEqualTo(Renderer.PROMPT_CHARS).doesNotContain("\n")
                .doesNotContain("\u202E").endsWith("…");
        assertThat(view.prompt()).as("escaping is the adapters' job").startsWith("<!channel>");
    }

    @Test
    void fingerprintIgnoresOnlyTheClock() {
        Job job = TestJobs.running(45, T0);
        String early = Fingerprint.of(renderer.render(job, T0.plusSeconds(3)));
        assertThat(Fingerprint.of(renderer.render(job, T0.plusSeconds(50)))).isEqualTo(early);
        Job moved = Transitions.polled(job, TestJobs.status(TaskPhase.RUNNING, 46), T0);
        assertThat(Fingerprint.of(renderer.render(moved, T0.plusSeconds(3)))).isNotEqualTo(early);
    }

    @Test
    void noticeHasWhoWhereModelTaskWhenAndWhy() {
        NoticeView notice = renderer.notice(TestJobs.failed(), NoticeKind.REFUND, false);
        assertThat(notice.lines()).extracting(NoticeView.Fact::label)
                .containsExactly("Requester", "Where", "Model", "Task id", "Billed", "Why", "Prompt");
        assertThat(notice.plainText()).contains("alice (slack user U_ALICE)").contains("slack T1 / C1")
                .contains("task_1").contains("2026-11-24 12:00 UTC").contains("could not generate");
        Job unknown = Transitions.submitUnknown(TestJobs.sending(), new Failure("no answer", "submit_unknown"),
                null, T0);
        assertThat(renderer.notice(unknown, NoticeKind.REFUND, true).plainText())
                .contains("unknown (no answer to the submission)").contains("Submitted (maybe billed)");
    }

    @Test
    void progressBarBounds() {
        assertThat(Renderer.progressBar(0)).isEqualTo("░░░░░░░░░░ 0%");
        assertThat(Renderer.progressBar(100)).isEqualTo("▓▓▓▓▓▓▓▓▓▓ 100%");
        assertThat(List.of(9, 10, 19)).extracting(Renderer::progressBar)
                .containsExactly("░░░░░░░░░░ 9%", "▓░░░░░░░░░ 10%", "▓░░░░░░░░░ 19%");
    }
}
