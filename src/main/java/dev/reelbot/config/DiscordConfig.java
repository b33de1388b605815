package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Discord adapter's settings.
 *
 * @param enabled    whether {@code run} connects to Discord
 * @param apiBaseUrl Discord's REST root, overridable for tests and proxies
 * @param gatewayUrl Discord's gateway WebSocket, likewise
 * @param token      from {@code DISCORD_TOKEN}
 * @param adminChannel       the channel id where refund notices go
 * @param adminRoles         role ids whose members are admins
 * @param commandGuilds      guild ids to register the commands in (instant updates); empty: globally
 * @param defaultUploadLimit the largest upload when Discord has not said a channel's limit
 * @param requestTimeout     for one REST call
 * @param shards             the bot's gateway shard count (every instance the same)
 * @param standbyRetry       how often an instance checks the shards it holds and tries to take the free ones
 */
public record DiscordConfig(boolean enabled, String apiBaseUrl, String gatewayUrl, Optional<Secret> token,
                            String adminChannel, List<String> adminRoles, List<String> commandGuilds,
                            long defaultUploadLimit, Duration requestTimeout, int shards,
                            Duration standbyRetry) {
}
