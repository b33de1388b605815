package dev.reelbot.core.notice;

import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.job.Transitions;
import java.time.Instant;

/**
 * What each kind of admin notice is in a job's record: whether it is still owed, and the transitions that claim and
 * confirm it, so {@link NoticeDesk} posts a refund notice and a delivery notice under one discipline.
 */
final class NoticeClaims {
    private NoticeClaims() {
    }

    /** The notice the job still needs posted (claimed or not), or {@code null}: a refund case's first. */
    static NoticeKind pendingFor(Job job) {
        if (job.refund().state().isPending()) {
            return NoticeKind.REFUND;
        }
        return job.delivery().notice().isPending() ? NoticeKind.DELIVERY : null;
    }

    /** Whether the notice must be posted and nobody has claimed that yet. */
    static boolean needed(NoticeKind kind, Job job) {
        return switch (kind) {
            case REFUND -> job.refund().state() == RefundState.NEEDED;
            case DELIVERY -> job.delivery().notice() == NoticeState.NEEDED;
        };
    }

    static Job claimed(NoticeKind kind, Job job, Instant now) {
        return switch (kind) {
            case REFUND -> Transitions.noticeClaimed(job, now);
            case DELIVERY -> Transitions.deliveryNoticeClaimed(job, now);
        };
    }

    static Job posted(NoticeKind kind, Job job, MessageRef notice, Instant now) {
        return switch (kind) {
            case REFUND -> Transitions.noticePosted(job, notice, now);
            case DELIVERY -> Transitions.deliveryNoticePosted(job, notice, now);
        };
    }

    /** Why the admins are told, for the log. */
    static String reason(NoticeKind kind, Job job) {
        return switch (kind) {
            case REFUND -> job.refund().reason();
            case DELIVERY -> job.delivery().note();
        };
    }
}
