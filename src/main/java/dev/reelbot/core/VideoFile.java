package dev.reelbot.core;

import java.nio.file.Path;

/**
 * A downloaded video ready to upload.
 *
 * @param file     where it is
 * @param bytes    its size
 * @param filename the name to give it in the chat, e.g. {@code reelbot-abc123.mp4}
 * @param title    a caption, e.g. the prompt
 */
public record VideoFile(Path file, long bytes, String filename, String title) {
}
