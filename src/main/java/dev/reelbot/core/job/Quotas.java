package dev.reelbot.core.job;

/**
 * Per-user limits on spending.
 *
 * @param concurrentPerUser jobs one user may have running at once
 * @param perUserPerDay     billed jobs one user may start in any 24 hours
 */
public record Quotas(int concurrentPerUser, int perUserPerDay) {
    public static final Quotas DEFAULTS = new Quotas(3, 25);
}
