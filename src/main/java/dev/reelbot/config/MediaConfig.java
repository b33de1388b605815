package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where finished videos are kept, how links to them are made, and the tool that fits them: the {@code media}
 * section, {@code server.public-url}, {@code MEDIA_LINK_SECRET}, and the ffmpeg keys of {@code delivery}.
 *
 * @param dir              {@code media.dir}: the local media store (unused with S3)
 * @param s3               {@code media.s3}: the shared media store in a bucket, when its bucket is set
 * @param retention        {@code media.retention}: how long a kept video stays
 * @param maxTotalBytes    {@code media.max-total-size}: beyond it the oldest go first
 * @param publicUrl        {@code server.public-url} (no trailing slash): links are served only when it is set
 * @param linkSecret       {@code MEDIA_LINK_SECRET}: signs the links (required with a public URL)
 * @param ffmpeg           {@code delivery.ffmpeg}: the ffmpeg program, or blank to look on the PATH
 * @param transcodeTimeout {@code delivery.transcode-timeout}: the longest one transcode (or poster frame) may take
 */
public record MediaConfig(Path dir, Optional<S3MediaConfig> s3, Duration retention, long maxTotalBytes,
                          Optional<String> publicUrl, Optional<Secret> linkSecret, String ffmpeg,
                          Duration transcodeTimeout) {
}
