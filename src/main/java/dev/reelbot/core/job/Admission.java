package dev.reelbot.core.job;

import dev.reelbot.core.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What a new job must fit within to be written: its requester's quotas, and the monthly budgets of its channel and
 * workspace. The store checks all of it in the same statement as the write.
 *
 * @param quotas       the requester's limits: jobs waiting to be sent, billed jobs a day
 * @param dayStart     the start of the rolling 24 hours {@code quotas.perUserPerDay()} counts
 * @param monthStart   the start of the budget month
 * @param channelCap   the channel's monthly budget, in the job's currency, or {@code null} for none
 * @param workspaceCap the workspace's (Slack team, Discord guild) monthly budget, or {@code null} for none
 */
public record Admission(Quotas quotas, Instant dayStart, Instant monthStart, Money channelCap,
                        Money workspaceCap) {
    public Admission {
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(monthStart, "monthStart");
    }

    /** Quotas alone, no budget. */
    public static Admission quotas(Quotas quotas, Instant dayStart) {
        return new Admission(quotas, dayStart, dayStart, null, null);
    }
}
