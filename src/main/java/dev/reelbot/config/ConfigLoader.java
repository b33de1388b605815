package dev.reelbot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reelbot.core.billing.BillingSettings;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.MediaSettings;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.Quotas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads {@link ReelbotConfig} from a YAML file (optional) and the environment: every key has a default, any key
 * can be overridden by {@code REELBOT_<KEY>}, and secrets come only from their own variables. All problems are
 * collected and thrown together in one {@link ConfigException}. Each large section has a reader of its own
 * ({@link VideoApiReader}, {@link EngineConfigReader}, {@link MediaConfigReader}, {@link SlackReader},
 * {@link DiscordReader}, {@link StoreReader}); the few plain keys of the others are read here.
 */
public final class ConfigLoader {
    /** The source of a config read without a file. */
    public static final String NO_FILE = "the environment (no config file)";

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

        VideoApiConfig videoApi = VideoApiReader.read(root.section("video-api"), secrets, needsApiKey);
        Limits limits = EngineConfigReader.limits(root.section("limits"), videoApi.models());
        Quotas quotas = EngineConfigReader.quotas(root.section("quotas"));
        ConfigNode delivery = root.section("delivery");
        ConfigNode mediaNode = root.section("media");
        ConfigNode server = root.section("server");
        MediaSettings mediaSettings = MediaConfigReader.engine(delivery, mediaNode);
        MediaConfig media = MediaConfigReader.read(delivery, mediaNode, MediaConfigReader.publicUrl(server), secrets);
        EngineSettings engine = EngineConfigReader.engine(root.section("poller"), root.section("messages"), delivery,
                mediaSettings);
        StoreConfig store = StoreReader.read(root.section("store"), secrets);
        Admins admins = EngineConfigReader.admins(root.section("admins"));
        SlackConfig slack = SlackReader.read(root.section("slack"), secrets);
        DiscordConfig discord = DiscordReader.read(root.section("discord"), secrets);
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
        BillingSettings billing = BillingReader.read(root.section("billing"), root.section("budgets"));
        root.finish();

        reportUnusedOverrides(env, session.envUsed(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ReelbotConfig(label, videoApi, limits, quotas, engine, store, admins, slack, discord, console,
                host, port, logging, media, billing, secrets.get(Secrets.ADMIN_API_TOKEN));
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
                // REELBOT_TEST_* belong to the test suite (REELBOT_TEST_POSTGRES_URL), whose bots inherit them.
                .filter(name -> name.startsWith("REELBOT_") && !name.startsWith("REELBOT_TEST_"))
                .filter(name -> !used.contains(name))
                .forEach(name -> problems.add(new Problem("environment variable " + name, name,
                        "does not override any setting; check the spelling against config/reelbot.example.yaml")));
    }
}
