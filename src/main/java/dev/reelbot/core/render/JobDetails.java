package dev.reelbot.core.render;

import dev.reelbot.core.InlineImage;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobDelivery;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.time.Instant;
import java.util.function.Predicate;

/** Every parameter of a job, for the Details button and admins: what was asked, what the API said. */
public final class JobDetails {
    private JobDetails() {
    }

    /** Every parameter of {@code job}, in the language of {@code t} (the asker's). */
    public static String describe(Job job, Renderer renderer, Instant now, Predicate<String> knowsStatus, Texts t) {
        VideoRequest r = job.request();
        StringBuilder text = new StringBuilder(t.get("details.title", job.id(), renderer.summaryHeadline(job, now,
                t))).append('\n');
        line(text, t, "details.prompt", PlainText.oneLine(r.prompt(), 1000));
        line(text, t, "details.model", r.model());
        line(text, t, "details.settings", renderer.settings(r, t));
        line(text, t, "details.aspect-ratio", r.aspectRatio());
        line(text, t, "details.seed", r.seed() == null ? t.get("details.seed.random") : r.seed().toString());
        line(text, t, "details.fps", r.fps() == null ? null : r.fps().toString());
        line(text, t, "details.count", r.count() == null ? null : r.count().toString());
        line(text, t, "details.negative", r.negativePrompt());
        line(text, t, "details.style", r.style());
        line(text, t, "details.quality", r.quality());
        line(text, t, "details.image", InlineImage.isShared(r.imageUrl()) ? InlineImage.describe(r.imageUrl())
                : r.imageUrl());
        line(text, t, "details.task", job.task().taskId());
        line(text, t, "details.api-status", job.task().apiStatus());
        line(text, t, "details.requested", t.when(job.times().createdAt()));
        line(text, t, "details.finished", job.times().finishedAt() == null ? null : t.when(job.times().finishedAt()));
        line(text, t, "details.video", job.delivery().note());
        line(text, t, "details.link", job.delivery().link() == null ? null : linkText(job.delivery().link(), t));
        line(text, t, "details.failure", job.failure() == null ? null : job.failure().message(t));
        line(text, t, "details.note", unknownStatusNote(job, knowsStatus, t));
        return text.toString().stripTrailing();
    }

    /**
     * One job, for {@code /video status}: its summary, why it failed (with the technical detail for admins only: it
     * may name internal hosts), its video's link and poster frame (and, for admins, where the bot keeps it), and a
     * status word nobody knows; in the asker's language ({@code t}).
     */
    public static String status(Job job, boolean forAdmin, Renderer renderer, Instant now,
                                Predicate<String> knowsStatus, Texts t) {
        StringBuilder text = new StringBuilder(renderer.summary(job, now, t));
        Failure failure = job.failure();
        if (failure != null) {
            text.append('\n').append(t.get("reply.status.why", failure.message(t)));
            if (forAdmin && failure.detail() != null) {
                text.append(" (").append(failure.detail()).append(')');
            }
        }
        text.append(delivery(job, forAdmin, t));
        String note = unknownStatusNote(job, knowsStatus, t);
        return note == null ? text.toString() : text.append('\n').append(note).toString();
    }

    /**
     * For a job still running on a status word the API client does not know: what it means for the job, so it is
     * noticed (and the word added) before the time limit makes the job a refund case. Else {@code null}.
     */
    public static String unknownStatusNote(Job job, Predicate<String> knowsStatus, Texts t) {
        String word = job.task().apiStatus();
        if (job.state().isFinal() || word == null || knowsStatus.test(word)) {
            return null;
        }
        return t.get("details.unknown-status", PlainText.oneLine(word, 40));
    }

    /**
     * The lines {@code /video status} adds for a finished video: its link with the expiry, its poster frame, and
     * for admins where the bot keeps it. Empty when there is none of these.
     */
    public static String delivery(Job job, boolean forAdmin, Texts t) {
        JobDelivery d = job.delivery();
        StringBuilder text = new StringBuilder();
        if (d.link() != null) {
            text.append('\n').append(t.get("status.video", linkText(d.link(), t)));
        }
        if (d.poster() != null) {
            text.append('\n').append(t.get("status.poster", d.poster()));
        }
        if (d.state() == DeliveryState.UNDELIVERED) {
            text.append('\n').append(t.get(d.notice() == NoticeState.POSTED ? "status.undelivered.told"
                    : "status.undelivered.telling", d.note()));
        }
        if (forAdmin && d.kept() != null) {
            text.append('\n').append(t.get("status.kept", d.kept()));
        }
        return text.toString();
    }

    private static String linkText(VideoLink link, Texts t) {
        return link.expiresAt() == null ? link.url() : t.get("link.until", link.url(), t.when(link.expiresAt()));
    }

    private static void line(StringBuilder text, Texts t, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            text.append("• ").append(t.get(labelKey)).append(": ").append(value).append('\n');
        }
    }
}
