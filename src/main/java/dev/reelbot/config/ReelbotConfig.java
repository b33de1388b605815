package dev.reelbot.config;

/**
 * The whole configuration, immutable and validated once at start-up.
 *
 * @param source         the file it was read from, or "defaults"
 * @param videoApi       the video API
 * @param slack          the Slack adapter
 * @param discord        the Discord adapter
 * @param consoleEnabled whether {@code run} also serves a chat on stdin/stdout
 * @param serverPort     the HTTP port for health, metrics and Slack's HTTP mode
 */
public record ReelbotConfig(
        String source,
        VideoApiConfig videoApi,
        SlackConfig slack,
        DiscordConfig discord,
        boolean consoleEnabled,
        int serverPort) {
}
