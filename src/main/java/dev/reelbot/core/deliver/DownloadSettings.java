package dev.reelbot.core.deliver;

import java.time.Duration;

/**
 * How finished videos are downloaded: on a pool of their own (see {@link Offload}), each within a deadline and
 * above a minimum rate, so a slow or stalling host holds up nothing but its own downloads.
 *
 * @param workers           threads downloading at once, apart from the workers; one host gets at most half
 * @param timeout           the longest one download may take, redirects and the fall-back route included
 * @param minBytesPerSecond a download slower than this, over a window of a few seconds, is cut off and tried again
 *                          later; 0 turns the check off
 */
public record DownloadSettings(int workers, Duration timeout, long minBytesPerSecond) {
    /** The defaults documented in config/reelbot.example.yaml. */
    public static final DownloadSettings DEFAULTS = new DownloadSettings(4, Duration.ofMinutes(10), 64 * 1024);
}
