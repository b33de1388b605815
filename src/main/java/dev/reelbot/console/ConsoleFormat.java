package dev.reelbot.console;

import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.View;
import dev.reelbot.core.text.HumanFormat;
import dev.reelbot.core.text.PlainText;

/**
 * Turns a view into one console line, with no control character left to act on the terminal (see
 * {@link PlainText#printable}): whatever the screen, plain or live, prints this text.
 */
final class ConsoleFormat {
    private ConsoleFormat() {
    }

    static String line(View view) {
        return PlainText.printable(text(view));
    }

    private static String text(View view) {
        if (view instanceof NoticeView notice) {
            return notice.plainText() + (notice.repeated() ? " · (may repeat a notice posted before a restart)" : "");
        }
        JobView job = (JobView) view;
        StringBuilder text = new StringBuilder(job.headline()).append(" · \"").append(job.prompt()).append("\" · ")
                .append(job.settings()).append(" · ").append(job.status());
        if (job.progressBar() != null) {
            text.append(' ').append(job.progressBar());
        }
        text.append(" · ").append(job.elapsed());
        JobView.Result result = job.result();
        if (result instanceof JobView.Uploaded uploaded) {
            text.append(" · video: ").append(uploaded.note());
            if (uploaded.link() != null) {
                text.append(" · ").append(uploaded.compressed() ? "full quality: " : "link: ")
                        .append(uploaded.link().url());
            }
        } else if (result instanceof JobView.Kept kept) {
            text.append(" · ").append(kept.reason());
        } else if (result instanceof JobView.Linked linked) {
            text.append(" · video: ").append(linked.url());
            if (linked.expiresAt() != null) {
                text.append(" (link expires ").append(HumanFormat.when(linked.expiresAt())).append(')');
            }
        } else if (result instanceof JobView.Failed failed) {
            text.append(" · ").append(failed.reason());
            switch (failed.refund()) {
                case NOTIFIED -> text.append(" · an admin has been notified for a refund");
                case NOTIFYING -> text.append(" · an admin is being notified for a refund");
                default -> text.append(" · nothing was charged");
            }
        }
        return text.append(" · job ").append(job.jobId()).toString();
    }
}
