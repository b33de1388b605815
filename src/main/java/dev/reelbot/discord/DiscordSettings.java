package dev.reelbot.discord;

import dev.reelbot.core.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the Discord adapter needs, immutable and checked once: {@code Main} maps config keys onto it, tests
 * point it at a local fake Discord.
 *
 * @param token              the bot token ({@code DISCORD_TOKEN})
 * @param apiBaseUrl         Discord's REST root, e.g. {@code https://discord.com/api/v10/}
 * @param gatewayUrl         Discord's gateway WebSocket, e.g. {@code wss://gateway.discord.gg}
 * @param commandGuildIds    guilds to register the slash commands in (updates show at once); empty: globally
 * @param adminChannelId     the channel refund notices are posted in
 * @param adminUserIds       users who may use admin commands and the Mark refunded button
 * @param adminRoleIds       roles whose members may do the same
 * @param defaultUploadLimit the largest upload, in bytes, when Discord has not said a channel's limit
 * @param requestTimeout     how long one REST call may wait to connect, and between reads or writes
 */
public record DiscordSettings(
        Secret token,
        String apiBaseUrl,
        String gatewayUrl,
        List<String> commandGuildIds,
        String adminChannelId,
        Set<String> adminUserIds,
        Set<String> adminRoleIds,
        long defaultUploadLimit,
        Duration requestTimeout) {

    public static final String DEFAULT_API_BASE_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg";
    /** Discord's limit for a guild without boosts (and for DMs). */
    public static final long DEFAULT_UPLOAD_LIMIT = 10L * 1024 * 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        apiBaseUrl = requireUrl(apiBaseUrl, "apiBaseUrl", "http");
        // JDA appends route paths to the base URL as is, so it must end with a slash.
        apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
        gatewayUrl = requireUrl(gatewayUrl, "gatewayUrl", "ws");
        commandGuildIds = List.copyOf(commandGuildIds);
        adminUserIds = Set.copyOf(adminUserIds);
        adminRoleIds = Set.copyOf(adminRoleIds);
        requireIds(commandGuildIds, "commandGuildIds");
        requireIds(List.of(Objects.requireNonNull(adminChannelId, "adminChannelId")), "adminChannelId");
        requireIds(adminUserIds, "adminUserIds");
        requireIds(adminRoleIds, "adminRoleIds");
        if (defaultUploadLimit <= 0) {
            throw new IllegalArgumentException("defaultUploadLimit must be positive");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    /** Discord's own endpoints, global commands, no admins but the channel, the documented defaults. */
    public static DiscordSettings defaults(Secret token, String adminChannelId) {
        return new DiscordSettings(token, DEFAULT_API_BASE_URL, DEFAULT_GATEWAY_URL, List.of(), adminChannelId,
                Set.of(), Set.of(), DEFAULT_UPLOAD_LIMIT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The same settings talking to other endpoints (a proxy, a test's fake). */
    public DiscordSettings withEndpoints(String api, String gateway) {
        return new DiscordSettings(token, api, gateway, commandGuildIds, adminChannelId, adminUserIds, adminRoleIds,
                defaultUploadLimit, requestTimeout);
    }

    /** The same settings registering the commands in these guilds only. */
    public DiscordSettings withCommandGuilds(List<String> guildIds) {
        return new DiscordSettings(token, apiBaseUrl, gatewayUrl, guildIds, adminChannelId, adminUserIds,
                adminRoleIds, defaultUploadLimit, requestTimeout);
    }

    /** The same settings with these admin users and roles. */
    public DiscordSettings withAdmins(Set<String> userIds, Set<String> roleIds) {
        return new DiscordSettings(token, apiBaseUrl, gatewayUrl, commandGuildIds, adminChannelId, userIds, roleIds,
                defaultUploadLimit, requestTimeout);
    }

    /** The same settings with another default upload limit. */
    public DiscordSettings withDefaultUploadLimit(long bytes) {
        return new DiscordSettings(token, apiBaseUrl, gatewayUrl, commandGuildIds, adminChannelId, adminUserIds,
                adminRoleIds, bytes, requestTimeout);
    }

    private static String requireUrl(String url, String name, String schemePrefix) {
        if (url == null || !url.strip().startsWith(schemePrefix)) {
            throw new IllegalArgumentException(name + " must be a " + schemePrefix + "(s):// URL, not " + url);
        }
        return url.strip();
    }

    private static void requireIds(Iterable<String> ids, String name) {
        for (String id : ids) {
            if (id == null || !SNOWFLAKE.matcher(id).matches()) {
                throw new IllegalArgumentException(name + " must hold Discord ids (digits), not '" + id + "'");
            }
        }
    }
}
