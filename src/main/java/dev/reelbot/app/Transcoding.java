package dev.reelbot.app;

import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.core.Transcoder;
import dev.reelbot.media.Ffmpeg;
import dev.reelbot.media.FfmpegTranscoder;
import dev.reelbot.web.Health;
import java.util.Optional;

/**
 * What this run can do with ffmpeg, found once at start-up: fit videos over a channel's upload limit
 * ({@code delivery.transcode: auto}) and take poster frames for the links. Without it the bot still runs: videos
 * over the limit are linked, and {@code check-config} and {@code /healthz} say why.
 *
 * @param tool   the ffmpeg transcoder, when ffmpeg was found (and is wanted)
 * @param fits   whether videos over a channel's limit are fitted under it
 * @param status one line for operators: on, with the tool; or off, and why
 */
public record Transcoding(Optional<Transcoder> tool, boolean fits, String status) {

    /** Looks for ffmpeg when anything wants it: transcoding, or poster frames for the bot's own links. */
    public static Transcoding detect(ReelbotConfig cfg, String searchPath) {
        boolean wanted = cfg.engine().media().transcode();
        if (!wanted && cfg.media().publicUrl().isEmpty()) {
            return new Transcoding(Optional.empty(), false, "off (delivery.transcode: off): videos over a channel's "
                    + "upload limit are linked");
        }
        Ffmpeg.Detection found = Ffmpeg.detect(cfg.media().ffmpeg(), searchPath);
        if (!found.isFound()) {
            return new Transcoding(Optional.empty(), false, "off: " + found.problem() + "; videos over a channel's "
                    + "upload limit are linked, without poster frames");
        }
        Transcoder tool = new FfmpegTranscoder(found.found(), cfg.media().transcodeTimeout());
        return new Transcoding(Optional.of(tool), wanted, (wanted ? "on" : "off (delivery.transcode: off; ffmpeg "
                + "takes the poster frames)") + ": " + tool.describe());
    }

    /** For {@code /healthz}: UP when as configured, DEGRADED when transcoding is wanted but ffmpeg is missing. */
    public Health health(ReelbotConfig cfg) {
        return cfg.engine().media().transcode() && tool.isEmpty() ? Health.degraded(status) : Health.up(status);
    }
}
