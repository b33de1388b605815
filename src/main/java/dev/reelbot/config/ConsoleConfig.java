package dev.reelbot.config;

import java.nio.file.Path;

/**
 * The console chat's settings.
 *
 * @param enabled whether {@code run} also serves a chat on stdin/stdout
 * @param user    the name of the person typing (list it under {@code admins.console} to make them an admin)
 * @param videoDir where finished videos are saved
 */
public record ConsoleConfig(boolean enabled, String user, Path videoDir) {
}
