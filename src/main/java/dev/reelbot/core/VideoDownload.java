package dev.reelbot.core;

import java.nio.file.Path;

/**
 * The outcome of fetching a finished video: saved to a file, or refused for being over the size cap. Either carries
 * the link users may be given to the video instead of an upload: the API's result link, or {@code null} when there
 * is none or it was refused by the outbound policy (a link to an internal address is never shown as the video).
 */
public sealed interface VideoDownload {

    /** A link users may be given to this video, or {@code null}. */
    String link();

    /** The video is in {@code file}, {@code bytes} long. */
    record Saved(Path file, long bytes, String link) implements VideoDownload {
    }

    /** The video is larger than the cap; {@code bytes} is its size when the server said, else -1. */
    record TooLarge(long bytes, long cap, String link) implements VideoDownload {
    }
}
