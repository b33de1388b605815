package dev.reelbot;

import dev.reelbot.config.DiscordConfig;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.config.SlackConfig;
import dev.reelbot.config.VideoApiConfig;
import dev.reelbot.core.Admins;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.ChatPorts;
import dev.reelbot.core.DownloadSettings;
import dev.reelbot.core.Engine;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.EngineSettings;
import dev.reelbot.core.JobStore;
import dev.reelbot.core.MediaParts;
import dev.reelbot.core.Secret;
import dev.reelbot.core.VideoApi;
import dev.reelbot.discord.DiscordSettings;
import dev.reelbot.slack.SlackSettings;
import dev.reelbot.videoapi.GetRetryPolicy;
import dev.reelbot.videoapi.HttpVideoApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/** The hand wiring that {@code demo} and {@code run} share: the HTTP client, the video API, the engine. */
final class Wiring {
    private Wiring() {
    }

    /** The video API client; a download's own deadline (within {@code downloads}) replaces the call timeout. */
    static VideoApi videoApi(VideoApiConfig cfg, String baseUrl, Secret key, DownloadSettings downloads) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(cfg.connectTimeout())
                .readTimeout(cfg.requestTimeout())
                .writeTimeout(cfg.requestTimeout())
                .callTimeout(cfg.requestTimeout())
                .build();
        GetRetryPolicy retry = new GetRetryPolicy(cfg.getAttempts(), GetRetryPolicy.DEFAULT.baseDelay(),
                GetRetryPolicy.DEFAULT.maxDelay(), GetRetryPolicy.DEFAULT.maxRetryAfterWait());
        return new HttpVideoApi(http, baseUrl, key, cfg.models(), retry, downloads, cfg.statusWords());
    }

    static Engine engine(ReelbotConfig cfg, EngineSettings settings, JobStore store, VideoApi api,
                         List<ChatPort> ports, Admins admins, String commandName, Pools pools,
                         EngineMetrics metrics, MediaParts media) {
        Engine.Parts parts = new Engine.Parts(store, api, new ChatPorts(ports), cfg.videoApi().models(), cfg.limits(),
                cfg.quotas(), admins, settings, cfg.videoApi().maxDownloadBytes(), commandName, metrics, media);
        return new Engine(parts, pools.workers(), pools.submitters(), pools.downloads(), pools.transcodes(),
                Clock.systemUTC());
    }

    static SlackSettings slackSettings(SlackConfig cfg) {
        return new SlackSettings(cfg.botToken().orElseThrow(), cfg.appToken(), cfg.signingSecret(),
                cfg.mode() == SlackConfig.Mode.SOCKET, cfg.command(), cfg.apiBaseUrl(), cfg.adminChannel(),
                cfg.maxUploadBytes(), cfg.updatesPerMinute(), cfg.uploadInThread());
    }

    static DiscordSettings discordSettings(ReelbotConfig cfg) {
        DiscordConfig d = cfg.discord();
        Set<String> adminUsers = cfg.admins().users().stream().filter(u -> u.startsWith("discord:"))
                .map(u -> u.substring("discord:".length())).collect(Collectors.toSet());
        return new DiscordSettings(d.token().orElseThrow(), d.apiBaseUrl(), d.gatewayUrl(), d.commandGuilds(),
                d.adminChannel(), adminUsers, Set.copyOf(d.adminRoles()), d.defaultUploadLimit(), d.requestTimeout());
    }

    /** A pool job steps run on: a fixed number of named daemon threads. */
    static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "reelbot-" + name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory);
    }

    /** Stops a pool, letting steps in flight finish for a while. */
    static void stop(ExecutorService pool, Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
