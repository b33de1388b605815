package dev.reelbot.core.billing;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bot has spent, as people ask for it: {@code usage} (your own this month, and what you may still start),
 * {@code admin usage [7d|30d|month]} (totals, then per user, per channel and per model). Counted from the prices
 * recorded on the jobs, so a price changed in config later never rewrites the past.
 */
public final class UsageReports {
    /** Lines per breakdown in a chat answer; the CSV export has every job. */
    static final int MOST_LINES = 8;
    private static final Duration DAY = Duration.ofHours(24);

    private final JobStore store;
    private final ModelCatalog catalog;
    private final Quotas quotas;
    private final BudgetWatch budgets;
    private final String currency;

    public UsageReports(JobStore store, ModelCatalog catalog, Quotas quotas, BudgetWatch budgets, String currency) {
        this.store = store;
        this.catalog = catalog;
        this.quotas = quotas;
        this.budgets = budgets;
        this.currency = currency;
    }

    /** A user's own usage this month, what they have running and waiting, and what they may still start. */
    public String forUser(Requester who, Instant now) {
        Texts t = who.texts();
        Instant month = Months.start(now);
        List<Job> jobs = store.jobsOf(who.platform(), who.user(), month);
        UsageTotals totals = new UsageTotals(currency);
        int running = 0;
        int waiting = 0;
        for (Job job : jobs) {
            totals.add(job, seconds(job));
            running += job.state().isInFlight() ? 1 : 0;
            waiting += job.state().isUnsent() ? 1 : 0;
        }
        int billedToday = store.billedSince(who.platform(), who.user(), now.minus(DAY)).size();
        StringBuilder text = new StringBuilder(t.get(totals.unpriced > 0 ? "usage.user.month.unpriced"
                : "usage.user.month", month, totals.jobs, totals.seconds, totals.spend.format(), totals.unpriced,
                totals.failed)).append('\n');
        text.append(t.get("usage.user.now", running, waiting)).append('\n');
        text.append(t.get("usage.user.may", Math.max(0, quotas.perUserPerDay() - billedToday),
                quotas.perUserPerDay(), quotas.concurrentPerUser(), Math.max(0, quotas.queuedPerUser() - waiting),
                quotas.queuedPerUser()));
        budgetLine(text, t, "budget.this-channel", who, who.channel(), budgets.channelLimit(who), now);
        budgetLine(text, t, "budget.this-workspace", who, null, budgets.workspaceLimit(who), now);
        return text.toString();
    }

    /** The admins' report over {@code period}: totals, then per user, per channel and per model, biggest first. */
    public String forAdmins(UsagePeriod period, Instant now, Texts t) {
        Instant since = period.since(now);
        List<Job> jobs = store.createdSince(since);
        UsageTotals all = new UsageTotals(currency);
        Map<String, UsageTotals> users = new LinkedHashMap<>();
        Map<String, UsageTotals> channels = new LinkedHashMap<>();
        Map<String, UsageTotals> models = new LinkedHashMap<>();
        for (Job job : jobs) {
            int seconds = seconds(job);
            Requester r = job.requester();
            all.add(job, seconds);
            users.computeIfAbsent(r.userName() + " (" + r.platform() + " " + r.user() + ")", k -> totals())
                    .add(job, seconds);
            channels.computeIfAbsent(r.platform() + " " + r.workspace() + " / " + r.channel(), k -> totals())
                    .add(job, seconds);
            models.computeIfAbsent(job.request().model(), k -> totals()).add(job, seconds);
        }
        StringBuilder text = new StringBuilder(t.get("usage.admin.title", t.get("period." + period.word()), since,
                all.line(t))).append('\n');
        if (all.jobs == 0) {
            return text.append(t.get("usage.admin.none")).toString();
        }
        section(text, t, t.get("usage.admin.by-user"), users);
        section(text, t, t.get("usage.admin.by-channel"), channels);
        section(text, t, t.get("usage.admin.by-model"), models);
        return text.toString().stripTrailing();
    }

    private void section(StringBuilder text, Texts t, String title, Map<String, UsageTotals> groups) {
        List<Map.Entry<String, UsageTotals>> billed = groups.entrySet().stream().filter(e -> e.getValue().jobs > 0)
                .sorted(Comparator.comparing((Map.Entry<String, UsageTotals> e) -> e.getValue().spend.amount())
                        .thenComparing(e -> e.getValue().jobs).reversed()).toList();
        text.append(title).append(":\n");
        billed.stream().limit(MOST_LINES).forEach(e -> text.append("• ").append(e.getKey()).append(": ")
                .append(e.getValue().line(t)).append('\n'));
        if (billed.size() > MOST_LINES) {
            text.append("• ").append(t.get("usage.admin.more", billed.size() - MOST_LINES)).append('\n');
        }
    }

    private void budgetLine(StringBuilder text, Texts t, String what, Requester who, String channel,
                            Optional<Money> limit, Instant now) {
        limit.ifPresent(cap -> {
            Money spent = store.spentSince(who.platform(), who.workspace(), channel, Months.start(now), currency);
            text.append('\n').append(t.get("usage.budget", Msg.of(what), spent.format(), cap.format(),
                    Months.next(now)));
        });
    }

    private UsageTotals totals() {
        return new UsageTotals(currency);
    }

    /** The length the job asked for, or its model's default. */
    private int seconds(Job job) {
        Integer asked = job.request().seconds();
        return asked != null ? asked : catalog.specFor(job.request().model()).defaultDuration();
    }

    /** Every job accepted over {@code period}, one CSV row each (see {@link UsageCsv}), for spreadsheets. */
    public String csv(UsagePeriod period, Instant now) {
        return UsageCsv.of(store.createdSince(period.since(now)), this::seconds);
    }
}
