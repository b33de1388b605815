package dev.reelbot.config;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.DownloadSettings;
import dev.reelbot.core.deliver.MediaSettings;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.text.Languages;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the engine's sections: limits, quotas, poller, messages, delivery, store and admins. */
final class EngineConfigReader {
    private EngineConfigReader() {
    }

    static Limits limits(ConfigNode node, ModelCatalog catalog) {
        Limits d = Limits.DEFAULTS;
        int promptLength = node.integer("max-prompt-length", d.maxPromptLength(), 1, 10_000);
        int maxCount = node.integer("max-count", d.maxCount(), 1, 4);
        List<String> allowed = node.strings("allowed-models", d.allowedModels());
        Map<String, List<String>> perChannel = node.stringLists("channel-models");
        checkModels(node, "allowed-models", allowed, catalog);
        perChannel.forEach((channel, models) -> checkModels(node, "channel-models." + channel, models, catalog));
        node.finish();
        return new Limits(promptLength, maxCount, allowed, perChannel);
    }

    static Quotas quotas(ConfigNode node) {
        Quotas d = Quotas.DEFAULTS;
        Quotas quotas = new Quotas(node.integer("concurrent-jobs-per-user", d.concurrentPerUser(), 1, 1000),
                node.integer("jobs-per-user-per-day", d.perUserPerDay(), 1, 100_000),
                node.integer("queued-jobs-per-user", d.queuedPerUser(), 1, 10_000));
        node.finish();
        return quotas;
    }

    static EngineSettings engine(ConfigNode poller, ConfigNode messages, ConfigNode delivery, MediaSettings media) {
        EngineSettings d = EngineSettings.defaults(Path.of("data", "videos"));
        Duration tick = poller.duration("tick", d.tick(), Duration.ofMillis(50));
        Duration min = poller.duration("min-interval", d.minPollInterval(), Duration.ofMillis(100));
        Duration max = poller.duration("max-interval", d.maxPollInterval(), Duration.ofMillis(100));
        if (max.compareTo(min) < 0) {
            poller.problem(poller.fileLabel(), poller.dotted("max-interval"), "must not be shorter than min-interval");
        }
        double jitter = poller.decimal("jitter", d.jitter(), 0, 0.5);
        int workers = poller.integer("workers", d.workers(), 1, 64);
        int submitWorkers = poller.integer("submit-workers", d.submitWorkers(), 1, 32);
        int apiCalls = poller.integer("max-concurrent-api-calls", d.maxApiCalls(), 1, 256);
        Duration noProgress = poller.duration("no-progress-timeout", d.noProgressTimeout(), Duration.ofSeconds(30));
        int lostAfter = poller.integer("lost-after", d.lostAfter(), 1, 100);
        poller.finish();
        Duration editInterval = messages.duration("edit-interval", d.editInterval(), Duration.ZERO);
        Duration heartbeat = messages.duration("heartbeat", d.heartbeat(), Duration.ofSeconds(5));
        String adminLocale = adminLocale(messages, d.adminLocale());
        messages.finish();
        int attempts = delivery.integer("attempts", d.deliveryAttempts(), 1, 50);
        Path videoDir = path(delivery, "video-dir", d.videoDir());
        DownloadSettings downloads = downloads(delivery, d.downloads());
        delivery.finish();
        return new EngineSettings(tick, min, max, jitter, workers, submitWorkers, apiCalls, noProgress, lostAfter,
                editInterval, heartbeat, attempts, videoDir, downloads, media, adminLocale);
    }

    /** A language the bot has a bundle for: a typo must not silently turn the admins' notices into English. */
    private static String adminLocale(ConfigNode messages, String fallback) {
        String tag = messages.string("admin-locale", fallback).strip();
        String language = Languages.resolve(tag);
        if (!language.equals(Languages.ENGLISH) || Locale.forLanguageTag(tag.replace('_', '-')).getLanguage()
                .equals("en")) {
            return language;
        }
        messages.problem(messages.fileLabel(), messages.dotted("admin-locale"), "must be one of "
                + String.join(", ", Languages.ALL) + " (a locale tag such as en-GB or es-MX works too), not " + tag);
        return fallback;
    }

    private static DownloadSettings downloads(ConfigNode delivery, DownloadSettings d) {
        int workers = delivery.integer("download-workers", d.workers(), 1, 64);
        Duration timeout = delivery.duration("download-timeout", d.timeout(), Duration.ofSeconds(1));
        long minRate = delivery.rate("min-rate", d.minBytesPerSecond());
        return new DownloadSettings(workers, timeout, minRate);
    }

    static Admins admins(ConfigNode node) {
        Set<String> users = new HashSet<>();
        for (String platform : List.of("slack", "discord", "console")) {
            node.strings(platform, List.of()).forEach(user -> users.add(platform + ":" + user));
        }
        node.finish();
        return new Admins(users);
    }

    static Path path(ConfigNode node, String key, Path fallback) {
        String text = node.string(key, fallback.toString()).strip();
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            node.problem(node.fileLabel(), node.dotted(key), "'" + text + "' is not a valid path");
            return fallback;
        }
    }

    private static void checkModels(ConfigNode node, String key, List<String> models, ModelCatalog catalog) {
        for (String model : models) {
            if (catalog.find(model).isEmpty()) {
                node.problem(node.fileLabel(), node.dotted(key), "'" + model + "' is not one of video-api.models "
                        + catalog.names());
            }
        }
    }
}
