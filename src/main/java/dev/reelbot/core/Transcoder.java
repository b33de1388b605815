package dev.reelbot.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A media tool (ffmpeg) as a port: fits a video under a size as an H.264/AAC MP4 that starts playing before it has
 * fully arrived, and takes a poster frame from it. Each call has a time limit of the implementation's.
 *
 * <p>Threading: thread-safe; each call blocks for as long as the work takes, so the engine runs it on its media
 * pool, never on the scheduler's workers.
 */
public interface Transcoder {

    /** The tool, for logs, {@code check-config} and {@code /healthz}, e.g. "ffmpeg 5.1.9 (/usr/bin/ffmpeg)". */
    String describe();

    /**
     * Re-encodes {@code source} into {@code target} so that it is at most {@code maxBytes} long, lowering the
     * resolution when the bitrate the size leaves would look poor at the source's.
     */
    Fitted fit(Path source, long maxBytes, Path target) throws TranscodeException;

    /** Writes a JPEG frame from early in {@code source} to {@code target}. */
    void poster(Path source, Path target) throws TranscodeException;

    /**
     * What {@link #fit} made.
     *
     * @param bytes    its size
     * @param size     its resolution, {@code WxH}
     * @param duration its length
     * @param took     how long the work took
     */
    record Fitted(long bytes, String size, Duration duration, Duration took) {
    }
}
