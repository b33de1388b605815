package dev.reelbot.config;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Secret;
import dev.reelbot.core.TaskPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the video API.
 *
 * @param baseUrl          the gateway root ({@code https://host} or {@code https://host/v1})
 * @param apiKey           from {@code VIDEO_API_KEY}
 * @param connectTimeout   for opening a connection
 * @param requestTimeout   for a whole create or status call (downloads: {@code delivery.download-timeout})
 * @param maxDownloadBytes the largest video the bot will download
 * @param getAttempts      attempts per status call before the poller backs off
 * @param models           the models offered, the first the default
 * @param statusWords      status words this gateway sends that the client does not know, by what they mean
 * @param maxInFlight      jobs in flight at the API at once across all users, {@link #UNLIMITED} for no limit
 */
public record VideoApiConfig(
        String baseUrl,
        Optional<Secret> apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        long maxDownloadBytes,
        int getAttempts,
        ModelCatalog models,
        Map<String, TaskPhase> statusWords,
        int maxInFlight) {
    public static final int UNLIMITED = Integer.MAX_VALUE;
}
