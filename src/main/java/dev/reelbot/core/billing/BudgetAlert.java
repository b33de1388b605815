package dev.reelbot.core.billing;

import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import java.time.Instant;

/**
 * A monthly budget passed {@link BudgetWatch#ALERT_PERCENT}% of its limit: what the admins are told, once.
 *
 * @param jobId     the job whose acceptance took it past
 * @param where     who asked for that job, where (its channel and workspace are the budget's)
 * @param scope     {@code channel} or {@code workspace}
 * @param limit     the monthly limit
 * @param spent     what is spent or committed this month, that job included
 * @param resetsAt  when the budget starts again
 */
public record BudgetAlert(String jobId, Requester where, String scope, Money limit, Money spent, Instant resetsAt) {

    /** The channel's or workspace's id. */
    public String scopeId() {
        return scope.equals("channel") ? where.channel() : where.workspace();
    }
}
