package dev.reelbot.config;

import dev.reelbot.core.Secret;
import dev.reelbot.core.billing.BillingSettings;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.Quotas;
import java.util.Optional;

/**
 * The whole configuration, immutable and validated once at start-up.
 *
 * @param source     the file it was read from, or {@link ConfigLoader#NO_FILE}
 * @param videoApi   the video API
 * @param limits     what users may ask for
 * @param quotas     per-user limits
 * @param engine     how the engine paces itself
 * @param store      where jobs are kept (SQLite or PostgreSQL)
 * @param admins     who may resolve refunds
 * @param slack      the Slack adapter
 * @param discord    the Discord adapter
 * @param console    the console chat
 * @param serverHost the address the HTTP server binds
 * @param serverPort the HTTP port for health, metrics and Slack's HTTP mode
 * @param logging    how the bot logs
 * @param media      where finished videos are kept, the links to them, and ffmpeg
 * @param billing    the currency prices are in, and the monthly budgets
 * @param adminToken the bearer token of {@code GET /admin/usage.csv} ({@code ADMIN_API_TOKEN}); empty: route off
 */
public record ReelbotConfig(
        String source,
        VideoApiConfig videoApi,
        Limits limits,
        Quotas quotas,
        EngineSettings engine,
        StoreConfig store,
        Admins admins,
        SlackConfig slack,
        DiscordConfig discord,
        ConsoleConfig console,
        String serverHost,
        int serverPort,
        LoggingConfig logging,
        MediaConfig media,
        BillingSettings billing,
        Optional<Secret> adminToken) {
}
