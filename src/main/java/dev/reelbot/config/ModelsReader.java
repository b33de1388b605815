package dev.reelbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Price;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code video-api.models}: each item a model name (defaults by its prefix) or a mapping that overrides some
 * of those defaults. {@code REELBOT_VIDEO_API_MODELS=a,b} replaces the list with names.
 */
final class ModelsReader {
    static final List<String> DEFAULT_MODELS = List.of("sora-2", "sora-2-pro", "kling-v2-1", "jimeng-video-3.0");
    private static final Pattern SIZE = Pattern.compile("[1-9]\\d{1,4}x[1-9]\\d{1,4}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private ModelsReader() {
    }

    static ModelCatalog read(ConfigNode videoApi) {
        String key = "models";
        List<ModelSpec> specs = new ArrayList<>();
        String fromEnv = videoApi.envOverride(key);
        if (fromEnv != null) {
            for (String name : fromEnv.split(",")) {
                if (!name.isBlank()) {
                    specs.add(named(videoApi, "environment variable " + videoApi.envName(key), name.strip()));
                }
            }
        } else {
            List<JsonNode> items = videoApi.rawList(key);
            if (!videoApi.has(key)) {
                DEFAULT_MODELS.forEach(name -> specs.add(ModelSpec.defaultsFor(name)));
            }
            for (int i = 0; i < items.size(); i++) {
                ModelSpec spec = item(videoApi, items.get(i), videoApi.dotted(key) + "[" + i + "]");
                if (spec != null) {
                    specs.add(spec);
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<ModelSpec> unique = new ArrayList<>();
        for (ModelSpec spec : specs) {
            if (seen.add(spec.name())) {
                unique.add(spec);
            } else {
                videoApi.problem(videoApi.fileLabel(), videoApi.dotted(key), "model " + spec.name()
                        + " is listed twice");
            }
        }
        if (unique.isEmpty()) {
            videoApi.problem(videoApi.fileLabel(), videoApi.dotted(key), "list at least one model");
            DEFAULT_MODELS.forEach(name -> unique.add(ModelSpec.defaultsFor(name)));
        }
        return new ModelCatalog(unique);
    }

    private static ModelSpec named(ConfigNode parent, String source, String name) {
        if (!NAME.matcher(name).matches()) {
            parent.problem(source, parent.dotted("models"), "'" + name + "' is not a model id");
        }
        return ModelSpec.defaultsFor(name);
    }

    private static ModelSpec item(ConfigNode parent, JsonNode item, String path) {
        if (item.isTextual()) {
            return named(parent, parent.fileLabel(), item.asText().strip());
        }
        ConfigNode node = new ConfigNode(item, path, parent.session());
        String name = node.string("name", "").strip();
        if (name.isEmpty() || !NAME.matcher(name).matches()) {
            node.problem(node.fileLabel(), node.dotted("name"), name.isEmpty() ? "every model needs a name"
                    : "'" + name + "' is not a model id");
            return null;
        }
        ModelSpec d = ModelSpec.defaultsFor(name);
        String description = node.string("description", d.description());
        ModelSpec.DurationField durationField = choice(node, "duration-field", d.durationField(),
                ModelSpec.DurationField.class);
        ModelSpec.ImageField imageField = choice(node, "image-field", d.imageField(), ModelSpec.ImageField.class);
        boolean aspect = node.bool("aspect-ratio-in-metadata", d.aspectRatioInMetadata());
        List<Integer> durations = durations(node, d.durations());
        List<String> sizes = sizes(node, d.sizes());
        Duration timeLimit = node.duration("time-limit", d.timeLimit(), Duration.ofMinutes(1));
        Price price = node.read("price", null, BillingReader::price);
        node.finish();
        return new ModelSpec(name, description, durationField, imageField, aspect, durations, sizes, timeLimit,
                price);
    }

    private static List<Integer> durations(ConfigNode node, List<Integer> fallback) {
        List<Integer> values = new ArrayList<>();
        for (String text : node.strings("durations", List.of())) {
            try {
                int seconds = Integer.parseInt(text);
                if (seconds < 1 || seconds > 600) {
                    throw new NumberFormatException();
                }
                values.add(seconds);
            } catch (NumberFormatException e) {
                node.problem(node.fileLabel(), node.dotted("durations"), "'" + text
                        + "' is not a whole number of seconds within 1..600");
                return fallback;
            }
        }
        return values.isEmpty() ? fallback : List.copyOf(values);
    }

    private static List<String> sizes(ConfigNode node, List<String> fallback) {
        List<String> values = node.strings("sizes", List.of());
        for (String size : values) {
            if (!SIZE.matcher(size).matches()) {
                node.problem(node.fileLabel(), node.dotted("sizes"), "'" + size + "' is not WIDTHxHEIGHT, e.g. 1280x720");
                return fallback;
            }
        }
        return values.isEmpty() ? fallback : values;
    }

    private static <E extends Enum<E>> E choice(ConfigNode node, String key, E fallback, Class<E> type) {
        String text = node.string(key, fallback.name().toLowerCase(Locale.ROOT));
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                allowed.add(value.name().toLowerCase(Locale.ROOT));
            }
            node.problem(node.fileLabel(), node.dotted(key), "'" + text + "' is not one of " + allowed);
            return fallback;
        }
    }
}
