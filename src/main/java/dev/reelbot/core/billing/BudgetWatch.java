package dev.reelbot.core.billing;

import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.text.Msg;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The monthly budgets at work: the limits a new job is admitted within, why one was refused (the limit, what is
 * spent and when it resets), and the admins' alert when a budget passes {@link #ALERT_PERCENT}%, once per budget
 * and month (claimed in the store, so restarts and overlapping commands never repeat it).
 *
 * <p>Threading: thread-safe; called on the command threads.
 */
public final class BudgetWatch {
    public static final int ALERT_PERCENT = 80;

    private final JobStore store;
    private final BillingSettings settings;
    private final Consumer<BudgetAlert> alerts;

    /** @param alerts told of a budget that passed its alert level (quick: it only hands the alert on) */
    public BudgetWatch(JobStore store, BillingSettings settings, Consumer<BudgetAlert> alerts) {
        this.store = store;
        this.settings = settings;
        this.alerts = alerts;
    }

    public Optional<Money> channelLimit(Requester where) {
        return settings.budgets().channel(where);
    }

    public Optional<Money> workspaceLimit(Requester where) {
        return settings.budgets().workspace(where);
    }

    /**
     * Why a job at {@code price} does not fit its channel's or workspace's budget this month, in words for the
     * requester; empty when it fits (or has no price, or there is no budget).
     */
    public Optional<Msg> refusal(Requester where, Money price, Instant now) {
        if (price == null) {
            return Optional.empty();
        }
        Optional<Msg> channel = channelLimit(where).flatMap(limit -> overBy(where, where.channel(), limit, price,
                Msg.of("budget.this-channel"), now));
        return channel.isPresent() ? channel : workspaceLimit(where).flatMap(limit -> overBy(where, null, limit,
                price, Msg.of(workspaceWord(where)), now));
    }

    /** After a job was accepted: tells the admins of each of its budgets it took past the alert level. */
    public void accepted(Job job, Instant now) {
        Money price = job.price();
        if (price == null) {
            return;
        }
        Requester where = job.requester();
        channelLimit(where).ifPresent(limit -> alertIfPassed(job, "channel", where.channel(), limit, now));
        workspaceLimit(where).ifPresent(limit -> alertIfPassed(job, "workspace", null, limit, now));
    }

    private void alertIfPassed(Job job, String scope, String channel, Money limit, Instant now) {
        Requester where = job.requester();
        Money spent = store.spentSince(where.platform(), where.workspace(), channel, Months.start(now),
                settings.currency());
        Money before = Money.ofMicros(spent.micros() - job.price().micros(), spent.currency());
        if (before.percentOf(limit) >= ALERT_PERCENT || spent.percentOf(limit) < ALERT_PERCENT) {
            return;
        }
        String key = "budget-alert:" + scope + ":" + where.platform() + ":" + where.workspace()
                + (channel == null ? "" : ":" + channel) + ":" + Months.label(now);
        if (store.claimOnce(key, now)) {
            alerts.accept(new BudgetAlert(job.id(), where, scope, limit, spent, Months.next(now)));
        }
    }

    private Optional<Msg> overBy(Requester where, String channel, Money limit, Money price, Msg what,
                                 Instant now) {
        Money spent = store.spentSince(where.platform(), where.workspace(), channel, Months.start(now),
                settings.currency());
        if (!spent.plus(price).isGreaterThan(limit)) {
            return Optional.empty();
        }
        return Optional.of(Msg.of("budget.refusal", what, spent.format(), limit.format(), price.format(),
                Months.next(now), channel == null ? "budgets.workspaces" : "budgets.channels"));
    }

    private static String workspaceWord(Requester where) {
        return switch (where.platform()) {
            case "discord" -> "budget.this-server";
            default -> "budget.this-workspace";
        };
    }
}
