package dev.reelbot.core;

import java.util.List;

/**
 * What a user's home screen in a chat (Slack's App Home) shows: their recent videos, their usage and what they may
 * still start, and for admins the open refund cases and this month's spend.
 *
 * @param recent     the user's recent jobs, newest first
 * @param usage      their usage this month and what they may still start (as {@code usage} answers it)
 * @param admin      whether the user is an admin (then {@code refunds} and {@code monthSpend} are shown)
 * @param refunds    the open refund cases, oldest first (empty for non-admins)
 * @param monthSpend this month's spend, in total and by user, channel and model (as {@code admin usage month}
 *                   answers it), or {@code null} for non-admins
 */
public record HomeView(List<Recent> recent, String usage, boolean admin, List<RefundCase> refunds,
                       String monthSpend) {

    public HomeView {
        recent = List.copyOf(recent);
        refunds = List.copyOf(refunds);
    }

    /**
     * One recent job.
     *
     * @param summary its one-line summary (state, prompt, settings)
     * @param link    the bot's own link to its video, or {@code null}
     * @param channel where its message is, or {@code null} when it has none
     */
    public record Recent(String jobId, String summary, String link, String channel) {
    }

    /** An open refund case, in one line. */
    public record RefundCase(String jobId, String summary) {
    }
}
