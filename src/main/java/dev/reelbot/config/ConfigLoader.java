package dev.reelbot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reelbot.core.Admins;
import dev.reelbot.core.EngineSettings;
import dev.reelbot.core.Limits;
import dev.reelbot.core.MediaSettings;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Quotas;
import dev.reelbot.core.Secret;
import dev.reelbot.core.TaskPhase;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads {@link ReelbotConfig} from a YAML file (optional) and the environment: every key has a default, any key
 * can be overridden by {@code REELBOT_<KEY>}, and secrets come only from their own variables. All problems are
 * collected and thrown together in one {@link ConfigException}.
 */
public final class ConfigLoader {
    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_DISCORD_API_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_DISCORD_GATEWAY_URL = "wss://gateway.discord.gg";

    /** The source of a config read without a file. */
    public static final String NO_FILE = "the environment (no config file)";

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{5,20}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigLoader() {
    }

    /**
     * Loads and validates.
     *
     * @param file         the YAML file, or {@code null} for defaults and environment only
     * @param env          the environment (secrets and overrides)
     * @param needsApiKey  whether {@code VIDEO_API_KEY} must be set (not for a demo on the embedded simulator)
     */
    public static ReelbotConfig load(Path file, Map<String, String> env, boolean needsApiKey)
            throws ConfigException {
        return loadTracked(file, env, needsApiKey, new TreeSet<>());
    }

    /** {@link #load}, also collecting every dotted key it read into {@code keysRead} (list items as {@code []}). */
    static ReelbotConfig loadTracked(Path file, Map<String, String> env, boolean needsApiKey, Set<String> keysRead)
            throws ConfigException {
        String label = file == null ? NO_FILE : file.toString();
        List<Problem> problems = new ArrayList<>();
        JsonNode tree = file == null ? MissingNode.getInstance() : readYaml(file, label, problems);
        ConfigNode.Session session = new ConfigNode.Session(label, env, problems, new HashSet<>(),
                keysRead);
        ConfigNode root = new ConfigNode(tree, "", session);
        Secrets secrets = new Secrets(env);

        VideoApiConfig videoApi = videoApi(root.section("video-api"), secrets, needsApiKey);
        Limits limits = EngineConfigReader.limits(root.section("limits"), videoApi.models());
        Quotas quotas = EngineConfigReader.quotas(root.section("quotas"));
        ConfigNode delivery = root.section("delivery");
        ConfigNode mediaNode = root.section("media");
        ConfigNode server = root.section("server");
        MediaSettings mediaSettings = MediaConfigReader.engine(delivery, mediaNode);
        MediaConfig media = MediaConfigReader.read(delivery, mediaNode, MediaConfigReader.publicUrl(server), secrets);
        EngineSettings engine = EngineConfigReader.engine(root.section("poller"), root.section("messages"), delivery,
                mediaSettings);
        ConfigNode store = root.section("store");
        Path storePath = EngineConfigReader.path(store, "path", Path.of("data", "reelbot.db"));
        store.finish();
        Admins admins = EngineConfigReader.admins(root.section("admins"));
        SlackConfig slack = slack(root.section("slack"), secrets);
        DiscordConfig discord = discord(root.section("discord"), secrets);
        ConfigNode consoleNode = root.section("console");
        ConsoleConfig console = new ConsoleConfig(consoleNode.bool("enabled", false),
                consoleNode.string("user", "you").strip(),
                EngineConfigReader.path(consoleNode, "video-dir", Path.of("reelbot-videos")));
        consoleNode.finish();
        String host = server.string("host", "0.0.0.0").strip();
        int port = server.integer("port", 8080, 0, 65535);
        server.finish();
        ConfigNode loggingNode = root.section("logging");
        LoggingConfig logging = new LoggingConfig(loggingNode.bool("json", false), level(loggingNode));
        loggingNode.finish();
        root.finish();

        reportUnusedOverrides(env, session.envUsed(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ReelbotConfig(label, videoApi, limits, quotas, engine, storePath, admins, slack, discord, console,
                host, port, logging, media);
    }

    private static VideoApiConfig videoApi(ConfigNode node, Secrets secrets, boolean needsApiKey) {
        String baseUrl = node.string("base-url", "").strip();
        if (!baseUrl.isEmpty()) {
            checkUrl(node, "base-url", baseUrl, Set.of("http", "https"));
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
        ModelCatalog models = ModelsReader.read(node);
        Map<String, TaskPhase> statusWords = statusWords(node);
        node.finish();
        Optional<Secret> key = secrets.get(Secrets.VIDEO_API_KEY);
        if (needsApiKey && key.isEmpty()) {
            node.problem("environment", Secrets.VIDEO_API_KEY, "not set; export the video API key as "
                    + Secrets.VIDEO_API_KEY);
        }
        return new VideoApiConfig(baseUrl, key, connect, request, maxDownload, attempts, models, statusWords);
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

    private static SlackConfig slack(ConfigNode node, Secrets secrets) {
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
        String apiBaseUrl = url(node, "api-base-url", DEFAULT_SLACK_API_URL, Set.of("http", "https"));
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
            require(node, bot, Secrets.SLACK_BOT_TOKEN, "Slack is enabled");
            if (mode == SlackConfig.Mode.SOCKET) {
                require(node, app, Secrets.SLACK_APP_TOKEN, "Slack runs in Socket Mode");
            } else {
                require(node, signing, Secrets.SLACK_SIGNING_SECRET, "Slack runs in HTTP mode");
            }
        }
        return new SlackConfig(enabled, mode, command, apiBaseUrl, bot, app, signing, adminChannel, maxUpload,
                updatesPerMinute, uploadInThread);
    }

    private static DiscordConfig discord(ConfigNode node, Secrets secrets) {
        boolean enabled = node.bool("enabled", false);
        String api = url(node, "api-base-url", DEFAULT_DISCORD_API_URL, Set.of("http", "https"));
        String gateway = url(node, "gateway-url", DEFAULT_DISCORD_GATEWAY_URL, Set.of("ws", "wss"));
        String adminChannel = node.string("admin-channel", "").strip();
        List<String> adminRoles = snowflakes(node, "admin-roles");
        List<String> guilds = snowflakes(node, "command-guilds");
        long uploadLimit = node.bytes("default-upload-limit", 10L * 1024 * 1024, 1024 * 1024);
        Duration timeout = node.duration("request-timeout", Duration.ofSeconds(30), Duration.ofSeconds(1));
        node.finish();
        Optional<Secret> token = secrets.get(Secrets.DISCORD_TOKEN);
        if (enabled) {
            require(node, token, Secrets.DISCORD_TOKEN, "Discord is enabled");
            if (!SNOWFLAKE.matcher(adminChannel).matches()) {
                node.problem(node.fileLabel(), node.dotted("admin-channel"), adminChannel.isEmpty()
                        ? "not set, but Discord is enabled; set it to the id of the channel where refund notices go "
                        + "(Developer Mode on, right-click the channel, Copy Channel ID)"
                        : "'" + adminChannel + "' is not a Discord id (digits only)");
            }
        }
        return new DiscordConfig(enabled, api, gateway, token, adminChannel, adminRoles, guilds, uploadLimit,
                timeout);
    }

    private static List<String> snowflakes(ConfigNode node, String key) {
        List<String> ids = node.strings(key, List.of());
        for (String id : ids) {
            if (!SNOWFLAKE.matcher(id).matches()) {
                node.problem(node.fileLabel(), node.dotted(key), "'" + id + "' is not a Discord id (digits only)");
                return List.of();
            }
        }
        return ids;
    }

    private static String level(ConfigNode node) {
        String level = node.string("level", "INFO").strip().toUpperCase(Locale.ROOT);
        if (!Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(level)) {
            node.problem(node.fileLabel(), node.dotted("level"), "'" + level + "' is not ERROR, WARN, INFO, DEBUG or "
                    + "TRACE");
            return "INFO";
        }
        return level;
    }

    private static void require(ConfigNode node, Optional<Secret> secret, String name, String because) {
        if (secret.isEmpty()) {
            node.problem("environment", name, "not set, but " + because + "; export " + name);
        }
    }

    private static String url(ConfigNode node, String key, String fallback, Set<String> schemes) {
        String text = node.string(key, fallback).strip();
        checkUrl(node, key, text, schemes);
        return text;
    }

    private static void checkUrl(ConfigNode node, String key, String text, Set<String> schemes) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new URISyntaxException(text, "no scheme or host");
            }
        } catch (URISyntaxException e) {
            node.problem(node.fileLabel(), node.dotted(key), "'" + text + "' is not a URL starting with "
                    + String.join(" or ", new TreeSet<>(schemes).stream().map(s -> s + "://").toList()));
        }
    }

    private static JsonNode readYaml(Path file, String label, List<Problem> problems) {
        try {
            String text = Files.readString(file);
            JsonNode tree = text.isBlank() ? null : YAML.readTree(text);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (NoSuchFileException e) {
            problems.add(new Problem(label, "(file)", "not found; copy config/reelbot.example.yaml to start one"));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(new Problem(label, "(file)", "is not valid YAML" + where + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(label, "(file)", "cannot be read: " + e.getMessage()));
        }
        return MissingNode.getInstance();
    }

    private static void reportUnusedOverrides(Map<String, String> env, Set<String> used, List<Problem> problems) {
        new TreeSet<>(env.keySet()).stream()
                .filter(name -> name.startsWith("REELBOT_") && !used.contains(name))
                .forEach(name -> problems.add(new Problem("environment variable " + name, name,
                        "does not override any setting; check the spelling against config/reelbot.example.yaml")));
    }
}
