package dev.reelbot.core.billing;

import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly spend limits ({@code budgets.*}), in the billing currency: per channel and per workspace (a Slack team, a
 * Discord guild), each a default for all plus amounts for named ones. A month is a calendar month in UTC.
 *
 * @param perChannel    every channel's limit unless {@code channels} names it, or {@code null} for none
 * @param channels      limits of named channels, by channel id
 * @param perWorkspace  every workspace's limit unless {@code workspaces} names it, or {@code null} for none
 * @param workspaces    limits of named workspaces, by workspace id
 */
public record Budgets(Money perChannel, Map<String, Money> channels, Money perWorkspace,
                      Map<String, Money> workspaces) {
    public static final Budgets NONE = new Budgets(null, Map.of(), null, Map.of());

    public Budgets {
        channels = Map.copyOf(channels);
        workspaces = Map.copyOf(workspaces);
    }

    /** The limit of the channel the requester typed in, if it has one. */
    public Optional<Money> channel(Requester where) {
        return Optional.ofNullable(channels.getOrDefault(where.channel(), perChannel));
    }

    /** The limit of the requester's workspace, if it has one. */
    public Optional<Money> workspace(Requester where) {
        return Optional.ofNullable(workspaces.getOrDefault(where.workspace(), perWorkspace));
    }

    public boolean any() {
        return perChannel != null || perWorkspace != null || !channels.isEmpty() || !workspaces.isEmpty();
    }
}
