package dev.reelbot.core.job;

/**
 * What became of a completed job's video.
 *
 * @param state    pending, uploaded, linked or failed
 * @param attempts fetch-and-upload attempts so far
 * @param note     where it went ("uploaded, 2.1 MB"), or why it failed
 */
public record JobDelivery(DeliveryState state, int attempts, String note) {
    public static final JobDelivery NONE = new JobDelivery(DeliveryState.NONE, 0, null);
}
