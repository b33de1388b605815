package dev.reelbot.core;

import java.time.Instant;

/**
 * Links to a job's kept video and poster frame that the bot serves itself (at {@code server.public-url}), each
 * signed and valid until its expiry, so only the people given a link can fetch the file, and only for so long.
 */
public interface MediaLinks {

    /** The link to the job's video ({@code .mp4}), valid until {@code expires}. */
    String video(String jobId, Instant expires);

    /** The link to the job's poster frame ({@code .jpg}), valid until {@code expires}. */
    String poster(String jobId, Instant expires);
}
