package dev.reelbot.core;

import java.nio.file.Path;

/** The outcome of fetching a finished video: saved to a file, or refused for being over the size cap. */
public sealed interface VideoDownload {

    /** The video is in {@code file}, {@code bytes} long. */
    record Saved(Path file, long bytes) implements VideoDownload {
    }

    /** The video is larger than the cap; {@code bytes} is its size when the server said, else -1. */
    record TooLarge(long bytes, long cap) implements VideoDownload {
    }
}
