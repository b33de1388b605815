package dev.reelbot.core.job;

/**
 * How many jobs may be in flight at the video API when one more is marked {@code SENDING}: in all (the configured
 * {@code video-api.max-in-flight}, or less when the API's refusals taught a lower one) and per requester
 * ({@code quotas.concurrent-jobs-per-user}); {@link Integer#MAX_VALUE} for no limit. The store checks them in the
 * same write that marks the job (see {@link JobStore#compareAndSetWithin}), so instances sharing it never exceed them
 * between them.
 */
public record SendLimits(int inFlight, int perRequester) {
    public SendLimits {
        if (inFlight < 1 || perRequester < 1) {
            throw new IllegalArgumentException("limits must be at least 1: " + inFlight + ", " + perRequester);
        }
    }
}
