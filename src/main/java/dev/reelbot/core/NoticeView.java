package dev.reelbot.core;

import java.util.List;

/**
 * A refund notice for the admin channel: a job that was (or may have been) billed and produced no video.
 *
 * @param jobId     the job id (admins resolve with it)
 * @param headline  e.g. "💸 Refund needed" or "✅ Refunded"
 * @param lines     label/value facts: who, where, model, task id, when billed, why
 * @param resolved  whether an admin has resolved it
 * @param repeated  whether this may repeat a notice already posted before a restart
 */
public record NoticeView(String jobId, String headline, List<Fact> lines, boolean resolved, boolean repeated)
        implements View {

    public NoticeView {
        lines = List.copyOf(lines);
    }

    /** One labelled fact. */
    public record Fact(String label, String value) {
    }

    @Override
    public String plainText() {
        StringBuilder text = new StringBuilder(headline).append(" — job ").append(jobId);
        for (Fact fact : lines) {
            text.append(" · ").append(fact.label()).append(": ").append(fact.value());
        }
        return text.toString();
    }
}
