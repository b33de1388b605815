package dev.reelbot.core;

import java.time.Instant;

/**
 * The two notices the admins get, each posted once under the same claim discipline (see {@link NoticeDesk}): a
 * refund case's (billed, no video), and a delivery notice (a video was made, but no chat took it).
 */
public enum NoticeKind {
    REFUND("notice-", "refund notice") {
        @Override
        boolean pending(Job job) {
            return job.refund().state().isPending();
        }

        @Override
        boolean needed(Job job) {
            return job.refund().state() == RefundState.NEEDED;
        }

        @Override
        Job claimed(Job job, Instant now) {
            return Transitions.noticeClaimed(job, now);
        }

        @Override
        Job posted(Job job, MessageRef notice, Instant now) {
            return Transitions.noticePosted(job, notice, now);
        }

        @Override
        String reason(Job job) {
            return job.refund().reason();
        }
    },
    DELIVERY("delivery-notice-", "delivery notice") {
        @Override
        boolean pending(Job job) {
            return job.delivery().notice().isPending();
        }

        @Override
        boolean needed(Job job) {
            return job.delivery().notice() == NoticeState.NEEDED;
        }

        @Override
        Job claimed(Job job, Instant now) {
            return Transitions.deliveryNoticeClaimed(job, now);
        }

        @Override
        Job posted(Job job, MessageRef notice, Instant now) {
            return Transitions.deliveryNoticePosted(job, notice, now);
        }

        @Override
        String reason(Job job) {
            return job.delivery().note();
        }
    };

    private final String keyPrefix;
    private final String label;

    NoticeKind(String keyPrefix, String label) {
        this.keyPrefix = keyPrefix;
        this.label = label;
    }

    /** Whether this notice must still be posted (claimed or not). */
    abstract boolean pending(Job job);

    /** Whether it must be posted and nobody has claimed that yet. */
    abstract boolean needed(Job job);

    abstract Job claimed(Job job, Instant now);

    abstract Job posted(Job job, MessageRef notice, Instant now);

    /** Why the admins are told, for the log. */
    abstract String reason(Job job);

    /** The post key: the adapter finds an earlier attempt's notice by it. */
    String key(Job job) {
        return keyPrefix + job.id();
    }

    /** "refund notice", for logs and operators. */
    String label() {
        return label;
    }

    /** The notice the job still needs posted, or {@code null}: a refund case's first (a job has at most one). */
    static NoticeKind pendingFor(Job job) {
        return REFUND.pending(job) ? REFUND : DELIVERY.pending(job) ? DELIVERY : null;
    }
}
