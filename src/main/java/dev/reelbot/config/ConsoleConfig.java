package dev.reelbot.config;

/**
 * The console chat's settings.
 *
 * @param enabled whether {@code run} also serves a chat on stdin/stdout
 * @param user    the name of the person typing (list it under {@code admins.console} to make them an admin)
 */
public record ConsoleConfig(boolean enabled, String user) {
}
