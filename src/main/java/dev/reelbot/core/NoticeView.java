package dev.reelbot.core;

import dev.reelbot.core.text.Languages;
import dev.reelbot.core.text.Texts;
import java.util.List;

/**
 * An admin notice: a refund case (a job that was, or may have been, billed and produced no video), or a delivery
 * notice (a video that was made but that no chat took: where it is kept).
 *
 * @param jobId     the job id (admins resolve with it)
 * @param headline  e.g. "💸 Refund needed", "✅ Refund resolved" or "📦 Video not delivered"
 * @param lines     label/value facts: who, where, model, task id, when billed, why, where the video is
 * @param resolved  whether an admin has resolved the refund case
 * @param repeated  whether this may repeat a notice already posted before a restart
 * @param kind      which notice it is
 * @param locale    the admins' language ({@code messages.admin-locale}), for the adapter's own labels
 */
public record NoticeView(String jobId, String headline, List<Fact> lines, boolean resolved, boolean repeated,
                         NoticeKind kind, String locale) implements View {

    public NoticeView {
        lines = List.copyOf(lines);
        locale = Languages.resolve(locale);
    }

    /** A refund notice in English. */
    public NoticeView(String jobId, String headline, List<Fact> lines, boolean resolved, boolean repeated) {
        this(jobId, headline, lines, resolved, repeated, NoticeKind.REFUND, Languages.ENGLISH);
    }

    /** The adapter's own labels, in the admins' language. */
    public Texts texts() {
        return Texts.in(locale);
    }

    /** One labelled fact. */
    public record Fact(String label, String value) {
    }

    /** Whether it offers admins "Mark refunded": an open refund case. */
    public boolean resolvable() {
        return kind == NoticeKind.REFUND && !resolved;
    }

    @Override
    public String plainText() {
        StringBuilder text = new StringBuilder(headline).append(" — ").append(texts().get("view.job", jobId));
        for (Fact fact : lines) {
            text.append(" · ").append(fact.label()).append(": ").append(fact.value());
        }
        return text.toString();
    }
}
