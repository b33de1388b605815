package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code discord}: where its API and gateway are, the admin channel and roles, the token, the shards. */
final class DiscordReader {
    static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
    static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg";
    static final int MAX_SHARDS = 10_000;
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{5,20}");

    private DiscordReader() {
    }

    static DiscordConfig read(ConfigNode node, Secrets secrets) {
        boolean enabled = node.bool("enabled", false);
        String api = ConfigUrls.read(node, "api-base-url", DEFAULT_API_URL, Set.of("http", "https"));
        String gateway = ConfigUrls.read(node, "gateway-url", DEFAULT_GATEWAY_URL, Set.of("ws", "wss"));
        String adminChannel = node.string("admin-channel", "").strip();
        List<String> adminRoles = snowflakes(node, "admin-roles");
        List<String> guilds = snowflakes(node, "command-guilds");
        long uploadLimit = node.bytes("default-upload-limit", 10L * 1024 * 1024, 1024 * 1024);
        Duration timeout = node.duration("request-timeout", Duration.ofSeconds(30), Duration.ofSeconds(1));
        // Discord's own ceiling is far below this; a typo of several digits is caught.
        int shards = node.integer("shards", 1, 1, MAX_SHARDS);
        Duration standbyRetry = node.duration("standby-retry", Duration.ofSeconds(5), Duration.ofSeconds(1));
        node.finish();
        Optional<Secret> token = secrets.get(Secrets.DISCORD_TOKEN);
        if (enabled) {
            secrets.require(node, token, Secrets.DISCORD_TOKEN, "Discord is enabled");
            if (!SNOWFLAKE.matcher(adminChannel).matches()) {
                node.problem(node.fileLabel(), node.dotted("admin-channel"), adminChannel.isEmpty()
                        ? "not set, but Discord is enabled; set it to the id of the channel where refund notices go "
                        + "(Developer Mode on, right-click the channel, Copy Channel ID)"
                        : "'" + adminChannel + "' is not a Discord id (digits only)");
            }
        }
        return new DiscordConfig(enabled, api, gateway, token, adminChannel, adminRoles, guilds, uploadLimit,
                timeout, shards, standbyRetry);
    }

    private static List<String> snowflakes(ConfigNode node, String key) {
        List<String> ids = node.strings(key, List.of());
        for (String id : ids) {
            if (!SNOWFLAKE.matcher(id).matches()) {
                node.problem(node.fileLabel(), node.dotted(key), "'" + id + "' is not a Discord id (digits only)");
                return List.of();
            }
        }
        return ids;
    }
}
