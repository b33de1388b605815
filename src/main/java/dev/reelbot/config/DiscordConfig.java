package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.util.Optional;

/**
 * The Discord adapter's settings.
 *
 * @param enabled    whether {@code run} connects to Discord
 * @param apiBaseUrl Discord's REST root, overridable for tests and proxies
 * @param gatewayUrl Discord's gateway WebSocket, likewise
 * @param token      from {@code DISCORD_TOKEN}
 */
public record DiscordConfig(boolean enabled, String apiBaseUrl, String gatewayUrl, Optional<Secret> token) {
}
