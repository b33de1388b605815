package dev.reelbot.core;

import java.time.Instant;

/**
 * One object in the {@link MediaStore}.
 *
 * @param key      its name, e.g. {@code abcd2345.mp4}
 * @param bytes    its size
 * @param storedAt when it was written (retention counts from here)
 */
public record MediaObject(String key, long bytes, Instant storedAt) {
}
