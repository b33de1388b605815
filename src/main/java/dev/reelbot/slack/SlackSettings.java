package dev.reelbot.slack;

import dev.reelbot.core.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Slack adapter needs, mapped from config by {@code Main}.
 *
 * @param botToken          {@code xoxb-...}, for every Web API call
 * @param appToken          {@code xapp-...}, for Socket Mode
 * @param signingSecret     for verifying HTTP-mode requests
 * @param socketMode        Socket Mode (true) or HTTP mode ({@code POST /slack/events})
 * @param command           the slash command, e.g. {@code /video}
 * @param apiBaseUrl        the Web API root, e.g. {@code https://slack.com/api/}
 * @param adminChannel      the channel id where refund notices go
 * @param maxUploadBytes    the largest video uploaded (larger ones are linked)
 * @param updatesPerMinute  chat.update calls allowed per minute for the workspace (Slack's Tier 3 is about 50)
 * @param uploadInThread    whether the video goes in a thread under its message rather than beside it
 */
public record SlackSettings(
        Secret botToken,
        Optional<Secret> appToken,
        Optional<Secret> signingSecret,
        boolean socketMode,
        String command,
        String apiBaseUrl,
        String adminChannel,
        long maxUploadBytes,
        int updatesPerMinute,
        boolean uploadInThread) {

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(adminChannel, "adminChannel");
        apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
    }
}
