package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.util.Optional;

/**
 * The Slack adapter's settings.
 *
 * @param enabled       whether {@code run} connects to Slack
 * @param mode          Socket Mode (no public URL) or HTTP mode ({@code POST /slack/events})
 * @param command       the slash command, e.g. {@code /video}
 * @param apiBaseUrl    Slack's Web API root, overridable for tests and proxies
 * @param botToken      from {@code SLACK_BOT_TOKEN}
 * @param appToken      from {@code SLACK_APP_TOKEN} (Socket Mode)
 * @param signingSecret from {@code SLACK_SIGNING_SECRET} (HTTP mode)
 * @param adminChannel  the channel id where refund notices go
 * @param maxUploadBytes the largest video uploaded into Slack; larger ones are linked
 * @param updatesPerMinute message edits allowed per minute for the workspace
 * @param uploadInThread whether videos go in a thread under their message instead of beside it
 */
public record SlackConfig(
        boolean enabled,
        Mode mode,
        String command,
        String apiBaseUrl,
        Optional<Secret> botToken,
        Optional<Secret> appToken,
        Optional<Secret> signingSecret,
        String adminChannel,
        long maxUploadBytes,
        int updatesPerMinute,
        boolean uploadInThread) {

    /** How Slack delivers events. */
    public enum Mode { SOCKET, HTTP }
}
