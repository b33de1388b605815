package dev.reelbot.core.job;

import dev.reelbot.core.MessageRef;
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
 * @param noticeOutdated whether the notice message must still be edited to show the resolution: durable, so the
 *                       engine keeps at it (through rate limits and restarts) until the chat took the edit
 */
public record JobRefund(RefundState state, String reason, MessageRef notice, String resolvedBy, String note,
                        Instant resolvedAt, boolean noticeOutdated) {
    public static final JobRefund NONE = new JobRefund(RefundState.NONE, null, null, null, null, null, false);
}
