package dev.reelbot.config;

/**
 * One thing wrong with the configuration.
 *
 * @param source  where the value came from: the file's path, or {@code environment variable NAME}
 * @param key     the dotted key, e.g. {@code video-api.base-url}
 * @param message what is wrong and how to fix it
 */
public record Problem(String source, String key, String message) {
    @Override
    public String toString() {
        return source + ": " + key + ": " + message;
    }
}
