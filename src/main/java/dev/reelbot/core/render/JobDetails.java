package dev.reelbot.core.render;

import dev.reelbot.core.InlineImage;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobDelivery;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.text.HumanFormat;
import dev.reelbot.core.text.PlainText;
import java.time.Instant;
import java.util.function.Predicate;

/** Every parameter of a job, for the Details button and admins: what was asked, what the API said. */
public final class JobDetails {
    private JobDetails() {
    }

    public static String describe(Job job, Renderer renderer, Instant now, Predicate<String> knowsStatus) {
        VideoRequest r = job.request();
        StringBuilder text = new StringBuilder("Job `").append(job.id()).append("`: ")
                .append(renderer.render(job, now).headline()).append('\n');
        line(text, "Prompt", PlainText.oneLine(r.prompt(), 1000));
        line(text, "Model", r.model());
        line(text, "Settings", renderer.settings(r));
        line(text, "Aspect ratio", r.aspectRatio());
        line(text, "Seed", r.seed() == null ? "random (not set)" : r.seed().toString());
        line(text, "FPS", r.fps() == null ? null : r.fps().toString());
        line(text, "Count", r.count() == null ? null : r.count().toString());
        line(text, "Negative prompt", r.negativePrompt());
        line(text, "Style", r.style());
        line(text, "Quality", r.quality());
        line(text, "Image", InlineImage.isShared(r.imageUrl()) ? InlineImage.describe(r.imageUrl()) : r.imageUrl());
        line(text, "Task id", job.task().taskId());
        line(text, "API status", job.task().apiStatus());
        line(text, "Requested", HumanFormat.when(job.times().createdAt()));
        line(text, "Finished", job.times().finishedAt() == null ? null : HumanFormat.when(job.times().finishedAt()));
        line(text, "Video", job.delivery().note());
        line(text, "Link", job.delivery().link() == null ? null : linkText(job.delivery().link()));
        line(text, "Failure", job.failure() == null ? null : job.failure().message());
        line(text, "Note", unknownStatusNote(job, knowsStatus));
        return text.toString().stripTrailing();
    }

    /**
     * For a job still running on a status word the API client does not know: what it means for the job, so it is
     * noticed (and the word added) before the time limit makes the job a refund case. Else {@code null}.
     */
    public static String unknownStatusNote(Job job, Predicate<String> knowsStatus) {
        String word = job.task().apiStatus();
        if (job.state().isFinal() || word == null || knowsStatus.test(word)) {
            return null;
        }
        return "The video API says `" + PlainText.oneLine(word, 40) + "`, a status word the bot does not know: it "
                + "counts as still running until the time limit. If it means done or failed, an admin can add it "
                + "(video-api.status-words).";
    }

    /**
     * The lines {@code /video status} adds for a finished video: its link with the expiry, its poster frame, and
     * for admins where the bot keeps it. Empty when there is none of these.
     */
    public static String delivery(Job job, boolean forAdmin) {
        JobDelivery d = job.delivery();
        StringBuilder text = new StringBuilder();
        if (d.link() != null) {
            text.append("\nVideo: ").append(linkText(d.link()));
        }
        if (d.poster() != null) {
            text.append("\nPoster: ").append(d.poster());
        }
        if (d.state() == DeliveryState.UNDELIVERED) {
            text.append("\nNot delivered: ").append(d.note()).append(" (the admins ")
                    .append(d.notice() == NoticeState.POSTED ? "have been" : "are being").append(" told)");
        }
        if (forAdmin && d.kept() != null) {
            text.append("\nKept at: ").append(d.kept());
        }
        return text.toString();
    }

    private static String linkText(VideoLink link) {
        return link.url() + (link.expiresAt() == null ? "" : " (expires " + HumanFormat.when(link.expiresAt())
                + ")");
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("• ").append(label).append(": ").append(value).append('\n');
        }
    }
}
