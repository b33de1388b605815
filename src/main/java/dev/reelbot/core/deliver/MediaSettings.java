package dev.reelbot.core.deliver;

import java.time.Duration;

/**
 * How finished videos are fitted and linked.
 *
 * @param transcode        whether a video over a channel's upload limit is fitted under it ({@code delivery.transcode:
 *                         auto}, when ffmpeg is there); when not, it is linked
 * @param transcodeWorkers threads for transcodes, apart from every other pool (poster frames, short work, are
 *                         taken on the downloads' pool)
 * @param linkLifetime     how long a link the bot serves itself works ({@code media.link-lifetime})
 */
public record MediaSettings(boolean transcode, int transcodeWorkers, Duration linkLifetime) {
    /** The defaults documented in config/reelbot.example.yaml. */
    public static final MediaSettings DEFAULTS = new MediaSettings(true, 1, Duration.ofDays(30));
}
