package dev.reelbot.core;

import java.util.List;

/**
 * What a user's home screen in a chat (Slack's App Home) shows: their recent videos, what they may still start,
 * and for admins the open refund cases.
 *
 * @param recent    the user's recent jobs, newest first
 * @param allowance what their quotas leave them
 * @param admin     whether the user is an admin (then {@code refunds} are shown, even when there are none)
 * @param refunds   the open refund cases, oldest first (empty for non-admins)
 */
public record HomeView(List<Recent> recent, Allowance allowance, boolean admin, List<RefundCase> refunds) {

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

    /** Jobs running now and started in the last 24 hours, against the quotas. */
    public record Allowance(int running, int concurrentLimit, int startedToday, int dailyLimit) {
        /** How many more may start now. */
        public int startable() {
            return Math.max(0, Math.min(concurrentLimit - running, dailyLimit - startedToday));
        }
    }

    /** An open refund case, in one line. */
    public record RefundCase(String jobId, String summary) {
    }
}
