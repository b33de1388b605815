package dev.reelbot.core.billing;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.text.HumanFormat;
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
        StringBuilder text = new StringBuilder("Your videos this month (since ").append(HumanFormat.when(month))
                .append("): ").append(totals.jobs).append(" video").append(totals.jobs == 1 ? "" : "s").append(", ")
                .append(totals.seconds).append(" s of video, ").append(totals.spend.format());
        if (totals.unpriced > 0) {
            text.append(" (").append(totals.unpriced).append(" of a model without a price)");
        }
        text.append("; ").append(totals.failed).append(" failed.\n");
        text.append("Now: ").append(running).append(" in progress, ").append(waiting).append(" waiting to start.\n");
        text.append("You may start ").append(Math.max(0, quotas.perUserPerDay() - billedToday))
                .append(" more in the next 24 hours (of ").append(quotas.perUserPerDay()).append(" a day), with up to ")
                .append(quotas.concurrentPerUser()).append(" in progress at once and ")
                .append(Math.max(0, quotas.queuedPerUser() - waiting)).append(" more waiting (of ")
                .append(quotas.queuedPerUser()).append(").");
        budgetLine(text, "This channel", who, who.channel(), budgets.channelLimit(who), now);
        budgetLine(text, "This workspace", who, null, budgets.workspaceLimit(who), now);
        return text.toString();
    }

    /** The admins' report over {@code period}: totals, then per user, per channel and per model, biggest first. */
    public String forAdmins(UsagePeriod period, Instant now) {
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
        StringBuilder text = new StringBuilder("Usage over ").append(period.describe()).append(" (since ")
                .append(HumanFormat.when(since)).append("): ").append(all.line()).append('\n');
        if (all.jobs == 0) {
            return text.append("No billed videos in that time.").toString();
        }
        section(text, "By user", users);
        section(text, "By channel", channels);
        section(text, "By model", models);
        return text.toString().stripTrailing();
    }

    private void section(StringBuilder text, String title, Map<String, UsageTotals> groups) {
        List<Map.Entry<String, UsageTotals>> billed = groups.entrySet().stream().filter(e -> e.getValue().jobs > 0)
                .sorted(Comparator.comparing((Map.Entry<String, UsageTotals> e) -> e.getValue().spend.amount())
                        .thenComparing(e -> e.getValue().jobs).reversed()).toList();
        text.append(title).append(":\n");
        billed.stream().limit(MOST_LINES).forEach(e -> text.append("• ").append(e.getKey()).append(": ")
                .append(e.getValue().line()).append('\n'));
        if (billed.size() > MOST_LINES) {
            text.append("• … and ").append(billed.size() - MOST_LINES).append(" more (GET /admin/usage.csv has every "
                    + "job)\n");
        }
    }

    private void budgetLine(StringBuilder text, String what, Requester who, String channel, Optional<Money> limit,
                            Instant now) {
        limit.ifPresent(cap -> {
            Money spent = store.spentSince(who.platform(), who.workspace(), channel, Months.start(now), currency);
            text.append('\n').append(what).append(" has spent ").append(spent.format()).append(" of its ")
                    .append(cap.format()).append(" monthly budget; it starts again at ")
                    .append(HumanFormat.when(Months.next(now))).append('.');
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
