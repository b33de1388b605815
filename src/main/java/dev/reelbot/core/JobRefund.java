package dev.reelbot.core;

import java.time.Instant;

/**
 * A job's refund case.
 *
 * @param state      none, needed, notifying, open, resolved
 * @param reason     why the job is a refund case, for the admins
 * @param notice     the admin notice message, once posted
 * @param resolvedBy the admin who resolved it
 * @param note       the admin's note
 * @param resolvedAt when
 */
public record JobRefund(RefundState state, String reason, MessageRef notice, String resolvedBy, String note,
                        Instant resolvedAt) {
    static final JobRefund NONE = new JobRefund(RefundState.NONE, null, null, null, null, null);
}
