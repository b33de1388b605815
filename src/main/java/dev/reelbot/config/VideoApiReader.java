package dev.reelbot.config;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Secret;
import dev.reelbot.core.TaskPhase;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code video-api}: where the gateway is, its key (from the environment), timeouts, models, status words. */
final class VideoApiReader {
    private VideoApiReader() {
    }

    /** @param needsApiKey whether {@code VIDEO_API_KEY} and the base URL must be set (not for the demo) */
    static VideoApiConfig read(ConfigNode node, Secrets secrets, boolean needsApiKey) {
        String baseUrl = node.string("base-url", "").strip();
        if (!baseUrl.isEmpty()) {
            ConfigUrls.check(node, "base-url", baseUrl, Set.of("http", "https"));
        } else if (needsApiKey) {
            node.problem(node.fileLabel(), node.dotted("base-url"), "not set; point it at your video API gateway, "
                    + "e.g. https://gateway.example.com/v1");
        }
        Duration connect = node.duration("connect-timeout", Duration.ofSeconds(10), Duration.ofMillis(100));
        Duration request = node.duration("request-timeout", Duration.ofSeconds(60), Duration.ofSeconds(1));
        if (node.has("download-timeout")) {
            node.envOverride("download-timeout");
            node.problem(node.fileLabel(), node.dotted("download-timeout"), "moved: set delivery.download-timeout "
                    + "instead (downloads now also have delivery.min-rate and delivery.download-workers)");
        }
        long maxDownload = node.bytes("max-download-size", 512L * 1024 * 1024, 1024 * 1024);
        int attempts = node.integer("get-attempts", 3, 1, 10);
        int maxInFlight = node.read("max-in-flight", VideoApiConfig.UNLIMITED, VideoApiReader::maxInFlight);
        ModelCatalog models = ModelsReader.read(node);
        Map<String, TaskPhase> statusWords = statusWords(node);
        node.finish();
        Optional<Secret> key = secrets.get(Secrets.VIDEO_API_KEY);
        if (needsApiKey && key.isEmpty()) {
            node.problem("environment", Secrets.VIDEO_API_KEY, "not set; export the video API key as "
                    + Secrets.VIDEO_API_KEY);
        }
        return new VideoApiConfig(baseUrl, key, connect, request, maxDownload, attempts, models, statusWords,
                maxInFlight);
    }

    /** {@code max-in-flight}: a whole number of jobs, or {@code unlimited}. */
    private static int maxInFlight(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("unlimited")) {
            return VideoApiConfig.UNLIMITED;
        }
        int max = value.matches("\\d{1,6}") ? Integer.parseInt(value) : 0;
        if (max < 1 || max > 100_000) {
            throw new IllegalArgumentException("'" + text + "' is not a number of jobs from 1 to 100000, or "
                    + "unlimited");
        }
        return max;
    }

    /** {@code status-words}: phase (queued, running, completed, failed) to the words that mean it. */
    private static Map<String, TaskPhase> statusWords(ConfigNode node) {
        Map<String, TaskPhase> words = new LinkedHashMap<>();
        node.stringLists("status-words").forEach((phase, list) -> {
            TaskPhase meaning = Arrays.stream(TaskPhase.values()).filter(p -> p.name().equalsIgnoreCase(phase))
                    .findFirst().orElse(null);
            if (meaning == null) {
                node.problem(node.fileLabel(), node.dotted("status-words") + "." + phase, "is not queued, running, "
                        + "completed or failed");
            } else {
                list.stream().filter(word -> !word.isBlank()).forEach(word -> words.put(word, meaning));
            }
        });
        return words;
    }
}
