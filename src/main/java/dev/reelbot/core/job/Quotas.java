package dev.reelbot.core.job;

/**
 * Per-user limits on spending.
 *
 * @param concurrentPerUser jobs one user may have running at the video API at once; more wait their turn
 * @param perUserPerDay     billed jobs one user may start in any 24 hours
 * @param queuedPerUser     jobs one user may have waiting to be sent; past it, a new one is refused
 */
public record Quotas(int concurrentPerUser, int perUserPerDay, int queuedPerUser) {
    public static final int DEFAULT_QUEUED = 10;
    public static final Quotas DEFAULTS = new Quotas(3, 25, DEFAULT_QUEUED);

    public Quotas {
        if (concurrentPerUser < 1 || perUserPerDay < 1 || queuedPerUser < 1) {
            throw new IllegalArgumentException("every quota is at least 1");
        }
    }

    /** Quotas with the default number of waiting jobs. */
    public Quotas(int concurrentPerUser, int perUserPerDay) {
        this(concurrentPerUser, perUserPerDay, DEFAULT_QUEUED);
    }
}
