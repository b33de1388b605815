package dev.reelbot;

import dev.reelbot.config.ConfigException;
import dev.reelbot.config.ConfigLoader;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.console.ConsoleChat;
import dev.reelbot.core.Admins;
import dev.reelbot.core.Engine;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.Secret;
import dev.reelbot.core.StoreException;
import dev.reelbot.core.VideoApi;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the bot on the embedded simulator (or a given API), chatting on stdin/stdout. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Run the bot against the embedded API simulator, chatting on stdin/stdout.",
        "Type /video <prompt> [options] (or /video help); markers such as [fail] in a prompt pick what the",
        "simulator does. At the end of input it waits for every job to finish, then exits 0."})
final class DemoCommand implements Callable<Integer> {
    private static final Duration LONGEST_WAIT = Duration.ofHours(2);

    @Option(names = "--api-url", description = "Use this video API (with $VIDEO_API_KEY) instead of the simulator.")
    String apiUrl;

    @Option(names = "--db", description = "Keep jobs in this SQLite file (default: a temporary one).")
    Path db;

    @Option(names = "--config", description = "A config file for limits, quotas and models (optional).")
    Path config;

    @Option(names = "--videos", defaultValue = "reelbot-videos", description = "Where finished videos are saved. "
            + "Default: ${DEFAULT-VALUE}")
    Path videos;

    @Option(names = "--job-seconds", defaultValue = "10", description = "How long a simulated job takes. "
            + "Default: ${DEFAULT-VALUE}")
    int jobSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogSetup.quietUnlessAsked();
        return run(System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.console() != null);
    }

    /** Runs the demo on these streams; {@code terminal} chooses in-place redraw over plain lines. */
    int run(InputStream in, PrintStream out, boolean terminal) throws IOException, InterruptedException {
        ReelbotConfig cfg;
        try {
            cfg = ConfigLoader.load(config, System.getenv(), false);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        String user = cfg.console().user();
        ApiSimulator simulator = null;
        VideoApi api;
        if (apiUrl != null) {
            String key = System.getenv("VIDEO_API_KEY");
            if (key == null || key.isBlank()) {
                System.err.println("--api-url needs the API key in the environment variable VIDEO_API_KEY.");
                return 1;
            }
            api = Wiring.videoApi(cfg.videoApi(), apiUrl, Secret.of(key), cfg.engine().downloads());
        } else {
            simulator = ApiSimulator.start(SimulatorOptions.defaults().withDurations(Duration.ofSeconds(jobSeconds),
                    Duration.ofSeconds(Math.max(180, jobSeconds))));
            api = Wiring.videoApi(cfg.videoApi(), simulator.baseUrl(), Secret.of(simulator.apiKey()),
                    cfg.engine().downloads());
        }
        Path tempDir = Files.createTempDirectory("reelbot-demo");
        Path dbFile = db != null ? db : tempDir.resolve("demo.db");
        ConsoleChat chat = ConsoleChat.create(out, terminal, terminalWidth(), videos, user);
        Set<String> admins = new HashSet<>(cfg.admins().users());
        admins.add("console:" + user);
        SqliteConnections connections;
        try {
            connections = SqliteConnections.open(dbFile);
        } catch (StoreException e) {
            System.err.println("reelbot demo: " + e.getMessage());
            closeAll(simulator, tempDir);
            return 1;
        }
        Pools pools = Pools.start(cfg.engine(), Duration.ofSeconds(10));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (connections) {
            Engine engine = Wiring.engine(cfg, cfg.engine().withVideoDir(tempDir.resolve("downloads")),
                    new JdbcJobStore(connections), api, List.of(chat.port()), new Admins(admins), "/video", pools,
                    EngineMetrics.NONE);
            int resumed = engine.start(scheduler);
            System.err.println("reelbot demo: video API " + (simulator != null ? "simulator at " + simulator.baseUrl()
                    : apiUrl) + ", jobs in " + dbFile + (resumed > 0 ? " (" + resumed + " resumed)" : "")
                    + ". Type /video help.");
            chat.readCommands(in, engine.commands());
            boolean finished = engine.poller().awaitIdle(LONGEST_WAIT);
            engine.poller().stop();
            if (!finished) {
                System.err.println("reelbot demo: gave up waiting after " + LONGEST_WAIT + "; unfinished jobs stay in "
                        + dbFile + " and resume with --db.");
                return 1;
            }
            return 0;
        } finally {
            scheduler.shutdownNow();
            pools.close();
            closeAll(simulator, tempDir);
        }
    }

    private static void closeAll(ApiSimulator simulator, Path tempDir) {
        if (simulator != null) {
            simulator.close();
        }
        TempFiles.deleteTree(tempDir);
    }

    private static int terminalWidth() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120"));
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
