package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code slack}: the mode, the command, the admin channel, limits, and the tokens the mode needs. */
final class SlackReader {
    static final String DEFAULT_API_URL = "https://slack.com/api/";

    private SlackReader() {
    }

    static SlackConfig read(ConfigNode node, Secrets secrets) {
        boolean enabled = node.bool("enabled", false);
        String modeText = node.string("mode", "socket");
        SlackConfig.Mode mode = SlackConfig.Mode.SOCKET;
        try {
            mode = SlackConfig.Mode.valueOf(modeText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.problem(node.fileLabel(), node.dotted("mode"), "'" + modeText + "' is not socket or http");
        }
        String command = node.string("command", "/video").strip();
        if (!command.matches("/[a-z0-9_-]{1,31}")) {
            node.problem(node.fileLabel(), node.dotted("command"), "'" + command
                    + "' is not a slash command like /video (lower case, at most 32 characters)");
        }
        String apiBaseUrl = ConfigUrls.read(node, "api-base-url", DEFAULT_API_URL, Set.of("http", "https"));
        String adminChannel = node.string("admin-channel", "").strip();
        long maxUpload = node.bytes("max-upload-size", 100L * 1024 * 1024, 1024 * 1024);
        int updatesPerMinute = node.integer("updates-per-minute", 45, 1, 1000);
        boolean uploadInThread = node.bool("upload-in-thread", false);
        node.finish();
        if (enabled && !adminChannel.matches("[CG][A-Z0-9]{2,30}")) {
            node.problem(node.fileLabel(), node.dotted("admin-channel"), adminChannel.isEmpty()
                    ? "not set, but Slack is enabled; set it to the id of the channel where refund notices go "
                    + "(e.g. C0123456789; invite the bot there)"
                    : "'" + adminChannel + "' is not a Slack channel id like C0123456789");
        }
        Optional<Secret> bot = secrets.get(Secrets.SLACK_BOT_TOKEN);
        Optional<Secret> app = secrets.get(Secrets.SLACK_APP_TOKEN);
        Optional<Secret> signing = secrets.get(Secrets.SLACK_SIGNING_SECRET);
        if (enabled) {
            secrets.require(node, bot, Secrets.SLACK_BOT_TOKEN, "Slack is enabled");
            if (mode == SlackConfig.Mode.SOCKET) {
                secrets.require(node, app, Secrets.SLACK_APP_TOKEN, "Slack runs in Socket Mode");
            } else {
                secrets.require(node, signing, Secrets.SLACK_SIGNING_SECRET, "Slack runs in HTTP mode");
            }
        }
        return new SlackConfig(enabled, mode, command, apiBaseUrl, bot, app, signing, adminChannel, maxUpload,
                updatesPerMinute, uploadInThread);
    }
}
