package dev.reelbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.reelbot.core.text.DidYouMean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A read-once view of one mapping in the YAML file. Each typed read takes a default, applies an environment
 * override ({@code REELBOT_} + the dotted key upper-cased, dots and dashes as underscores), and on a bad value
 * records a {@link Problem} naming the file (or variable) and key, then carries on so every problem is reported
 * together. {@link #finish()} reports keys nobody read: typos and misplaced secrets.
 */
final class ConfigNode {
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(key|token|secret|password).*");

    private final JsonNode node;
    private final String path;
    private final Session session;
    private final Set<String> read = new LinkedHashSet<>();

    /** What all nodes of one load share. */
    record Session(String fileLabel, Map<String, String> env, List<Problem> problems, Set<String> envUsed,
                   Set<String> keysRead) {
    }

    ConfigNode(JsonNode node, String path, Session session) {
        this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
        this.path = path;
        this.session = session;
        if (!this.node.isMissingNode() && !this.node.isObject()) {
            problem(session.fileLabel(), path, "must be a mapping of keys to values");
        }
    }

    String string(String key, String fallback) {
        return read(key, fallback, text -> text);
    }

    boolean bool(String key, boolean fallback) {
        return read(key, fallback, text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        });
    }

    int integer(String key, int fallback, int min, int max) {
        return read(key, fallback, text -> {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
            return inRange(value, min, max);
        });
    }

    double decimal(String key, double fallback, double min, double max) {
        return read(key, fallback, text -> {
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
            }
            return value;
        });
    }

    Duration duration(String key, Duration fallback, Duration min) {
        return read(key, fallback, text -> {
            Duration value = Units.duration(text);
            if (value.compareTo(min) < 0) {
                throw new IllegalArgumentException(Units.format(value) + " is shorter than the minimum "
                        + Units.format(min));
            }
            return value;
        });
    }

    long bytes(String key, long fallback, long min) {
        return read(key, fallback, text -> {
            long value = Units.bytes(text);
            if (value < min) {
                throw new IllegalArgumentException(text + " is below the minimum " + Units.formatBytes(min));
            }
            return value;
        });
    }

    /** A transfer rate in bytes per second, written as a size per second ({@code 64KiB/s}); 0 for none. */
    long rate(String key, long fallback) {
        return read(key, fallback, Units::rate);
    }

    /** A list of strings: a YAML sequence, or a comma-separated string (as environment variables give). */
    List<String> strings(String key, List<String> fallback) {
        markRead(key);
        String env = envValue(key);
        if (env != null) {
            return splitCommas(env);
        }
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isTextual()) {
            return splitCommas(value.asText());
        }
        if (!value.isArray()) {
            problem(session.fileLabel(), dotted(key), "must be a list");
            return fallback;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                problem(session.fileLabel(), dotted(key), "must be a list of plain values");
                return fallback;
            }
            items.add(item.asText().strip());
        }
        return List.copyOf(items);
    }

    /** A mapping of names to lists of strings, e.g. channel id to models; not overridable from the environment. */
    Map<String, List<String>> stringLists(String key) {
        markRead(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            problem(session.fileLabel(), dotted(key), "must be a mapping of names to lists");
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        ConfigNode inner = new ConfigNode(value, dotted(key), session);
        value.fieldNames().forEachRemaining(name -> result.put(name, inner.strings(name, List.of())));
        return result;
    }

    /** A mapping of names to single values, e.g. channel id to a budget; not overridable from the environment. */
    Map<String, String> scalars(String key) {
        markRead(key);
        JsonNode value = node.path(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
            problem(session.fileLabel(), dotted(key), "must be a mapping of names to values");
        }
        value.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                result.put(e.getKey(), e.getValue().asText().strip());
            } else {
                problem(session.fileLabel(), dotted(key) + "." + e.getKey(), "must be a single value");
            }
        });
        return result;
    }

    ConfigNode section(String key) {
        markRead(key);
        return new ConfigNode(node.get(key), dotted(key), session);
    }

    /** The items of a YAML sequence of mappings or plain values, each as its own node (plain values as "name"). */
    List<JsonNode> rawList(String key) {
        markRead(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(session.fileLabel(), dotted(key), "must be a list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    boolean has(String key) {
        return node.has(key) || envValue(key) != null;
    }

    /** Reports every key in this mapping that no read asked for. Call once all reads are done. */
    void finish() {
        node.fieldNames().forEachRemaining(name -> {
            if (read.contains(name)) {
                return;
            }
            if (SECRET_LIKE.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                problem(session.fileLabel(), dotted(name), "secrets are never read from the file; remove it and "
                        + "set the environment variable instead (" + Secrets.NAMES + ")");
            } else {
                problem(session.fileLabel(), dotted(name), "unknown key" + suggestion(name));
            }
        });
    }

    String dotted(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String source, String key, String message) {
        session.problems().add(new Problem(source, key, message));
    }

    String fileLabel() {
        return session.fileLabel();
    }

    Session session() {
        return session;
    }

    /** The environment variable that overrides {@code key} here. */
    String envName(String key) {
        return "REELBOT_" + dotted(key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A value read with {@code parse}, which throws {@link IllegalArgumentException} to report a bad one. */
    <T> T read(String key, T fallback, Function<String, T> parse) {
        markRead(key);
        String env = envValue(key);
        String source = env != null ? "environment variable " + envName(key) : session.fileLabel();
        String text = env;
        if (text == null) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isValueNode()) {
                problem(source, dotted(key), "must be a single value, not a " + (value.isArray() ? "list" : "mapping"));
                return fallback;
            }
            text = value.asText();
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problem(source, dotted(key), e.getMessage());
            return fallback;
        }
    }

    /** The environment override for {@code key}, or {@code null}; marks the variable as used. */
    String envOverride(String key) {
        markRead(key);
        return envValue(key);
    }

    private void markRead(String key) {
        read.add(key);
        session.keysRead().add(dotted(key).replaceAll("\\[\\d+]", "[]"));
    }

    private String envValue(String key) {
        String name = envName(key);
        String value = session.env().get(name);
        if (value != null) {
            session.envUsed().add(name);
        }
        return value;
    }

    private String suggestion(String name) {
        return DidYouMean.closest(name, read, 2).map(best -> "; did you mean '" + best + "'?").orElse("");
    }

    private static int inRange(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
        }
        return value;
    }

    private static List<String> splitCommas(String text) {
        List<String> items = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return List.copyOf(items);
    }
}
