package dev.reelbot.config;

/**
 * How the bot logs (always to stderr).
 *
 * @param json  one JSON object per line instead of plain text, for log collectors
 * @param level the root level: ERROR, WARN, INFO, DEBUG or TRACE
 */
public record LoggingConfig(boolean json, String level) {
}
