package dev.reelbot.core.billing;

import dev.reelbot.core.text.Texts;
import dev.reelbot.core.Money;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.RefundState;

/**
 * What a set of jobs came to: the billed ones (their create accepted, or maybe accepted), their spend and seconds
 * of video, those that failed (refund cases), and the refunds still owed and already resolved, with their amounts.
 * A job without a price (its model has none) counts in every number but the amounts.
 *
 * <p>Threading: not thread-safe; one report fills it.
 */
final class UsageTotals {
    private final String currency;
    int jobs;
    int unpriced;
    long seconds;
    int failed;
    int owed;
    int resolved;
    Money spend;
    Money owedAmount;
    Money resolvedAmount;

    UsageTotals(String currency) {
        this.currency = currency;
        this.spend = Money.zero(currency);
        this.owedAmount = Money.zero(currency);
        this.resolvedAmount = Money.zero(currency);
    }

    /** Counts one job, if it was billed; {@code seconds}: the video's length as asked (or the model's default). */
    void add(Job job, int videoSeconds) {
        if (!job.state().isBilled()) {
            return;
        }
        jobs++;
        seconds += (long) videoSeconds * (job.request().count() == null ? 1 : job.request().count());
        Money price = job.price() != null && job.price().currency().equals(currency) ? job.price() : null;
        if (price == null) {
            unpriced++;
        } else {
            spend = spend.plus(price);
        }
        if (job.state().isRefundCase()) {
            failed++;
        }
        RefundState refund = job.refund().state();
        if (refund == RefundState.RESOLVED) {
            resolved++;
            resolvedAmount = price == null ? resolvedAmount : resolvedAmount.plus(price);
        } else if (refund != RefundState.NONE) {
            owed++;
            owedAmount = price == null ? owedAmount : owedAmount.plus(price);
        }
    }

    /** "12 videos · 9.60 USD · 2 failed · refunds owed 1 (0.80 USD), resolved 1 (0.80 USD)", in {@code t}'s words. */
    String line(Texts t) {
        return t.get(unpriced == 0 ? "usage.line" : "usage.line.unpriced", jobs, spend.format(), unpriced, failed,
                owed, owedAmount.format(), resolved, resolvedAmount.format());
    }
}
