package dev.reelbot;

import dev.reelbot.app.DemoSession;
import dev.reelbot.app.LogSetup;
import dev.reelbot.app.Pools;
import dev.reelbot.app.VideoApis;
import dev.reelbot.config.ConfigException;
import dev.reelbot.config.ConfigLoader;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.console.ConsoleChat;
import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.Secret;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: the bot on the embedded simulator (or a given API), chatting on stdin/stdout. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run the bot against the embedded API simulator, chatting on stdin/stdout. Type /video "
        + "<prompt> [options] (or /video help); markers such as [fail] in a prompt pick what the simulator does. "
        + "On a terminal, running jobs are redrawn in place above the input line. At the end of input it waits "
        + "for every job to finish, then exits 0; Ctrl+C stops at once and says what becomes of unfinished jobs.")
final class DemoCommand implements Callable<Integer> {
    private static final Duration LONGEST_WAIT = Duration.ofHours(2);

    @Option(names = "--api-url", description = "Use this video API (with $VIDEO_API_KEY) instead of the simulator.")
    String apiUrl;

    @Option(names = "--db", description = "Keep jobs in this SQLite file (default: a temporary one), and the "
            + "embedded simulator's jobs beside it (FILE.simulator.json): a demo stopped in any way resumes them.")
    Path db;

    @Option(names = "--config", description = "A config file for limits, quotas and models (optional).")
    Path config;

    @Option(names = "--videos", defaultValue = "reelbot-videos", description = "Where finished videos are saved. "
            + "Default: ${DEFAULT-VALUE}")
    Path videos;

    @Mixin
    JobSecondsOption jobSeconds = new JobSecondsOption(10);

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogSetup.quietUnlessAsked();
        return run(System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.console() != null);
    }

    /** Runs the demo on these streams; {@code interactive} (a terminal) chooses a live screen over plain lines. */
    int run(InputStream in, PrintStream out, boolean interactive) throws IOException, InterruptedException {
        ReelbotConfig cfg;
        try {
            cfg = ConfigLoader.load(config, System.getenv(), false);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Secret key = null;
        if (apiUrl != null) {
            String fromEnv = System.getenv("VIDEO_API_KEY");
            if (fromEnv == null || fromEnv.isBlank()) {
                System.err.println("--api-url needs the API key in the environment variable VIDEO_API_KEY.");
                return 1;
            }
            key = Secret.of(fromEnv);
        }
        Path tempDir = Files.createTempDirectory("reelbot-demo");
        DemoSession session = new DemoSession(tempDir, db, apiUrl != null, System.err);
        Thread hook = new Thread(session::interrupt, "reelbot-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(cfg, key, session, tempDir, in, out, interactive);
        } finally {
            session.close();
            removeHook(hook);
        }
    }

    private int run(ReelbotConfig cfg, Secret key, DemoSession session, Path tempDir, InputStream in, PrintStream out,
                    boolean interactive) throws IOException, InterruptedException {
        Path dbFile = db != null ? db : tempDir.resolve("demo.db");
        // The database first: a second demo on it stops here, before it starts a simulator on the same journal.
        SqliteConnections connections;
        try {
            connections = session.add(SqliteConnections.open(dbFile));
        } catch (StoreException e) {
            System.err.println("reelbot demo: " + e.getMessage());
            return 1;
        }
        String apiNote;
        VideoApi api;
        if (apiUrl != null) {
            api = VideoApis.connect(cfg.videoApi(), apiUrl, key, cfg.engine().downloads());
            apiNote = apiUrl;
        } else {
            SimulatorOptions options = SimulatorOptions.defaults().withDurations(
                    Duration.ofSeconds(jobSeconds.seconds), Duration.ofSeconds(Math.max(180, jobSeconds.seconds)));
            // With --db the simulator keeps its jobs beside the database, so a restart resumes them there too.
            Path journal = db == null ? null : db.resolveSibling(db.getFileName() + ".simulator.json");
            ApiSimulator simulator;
            try {
                simulator = session.add(journal == null ? ApiSimulator.start(options)
                        : ApiSimulator.startWithJournal(options, journal));
            } catch (UncheckedIOException e) {
                System.err.println("reelbot demo: " + e.getMessage());
                return 1;
            }
            api = VideoApis.connect(cfg.videoApi(), simulator.baseUrl(), Secret.of(simulator.apiKey()),
                    cfg.engine().downloads());
            apiNote = "simulator at " + simulator.baseUrl() + (journal == null ? "" : " (its jobs in " + journal + ")");
        }
        // The chat stops after the pools and the scheduler: steps finishing during the stop still edit messages.
        ConsoleChat chat = session.add(ConsoleChat.open(interactive, in, out, videos, cfg.console().user()));
        chat.linesAbove().ifPresent(lines -> session.add(LogSetup.toLines(lines)));
        Pools pools = session.add(Pools.start(cfg.engine(), Duration.ofSeconds(10)));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("reelbot-scheduler"));
        session.add(scheduler::shutdownNow);
        Set<String> admins = new HashSet<>(cfg.admins().users());
        admins.add("console:" + cfg.console().user());
        // The console takes any size, so nothing is fitted; the videos are kept for the demo's length only.
        MediaParts media = new MediaParts(Optional.of(LocalMediaStore.open(tempDir.resolve("media"))),
                Optional.empty(), Optional.empty());
        Engine engine = pools.engine(new Engine.Parts(new JdbcJobStore(connections), api, List.of(chat.port()),
                cfg.videoApi().models(), cfg.limits(), cfg.quotas(), new Admins(admins),
                cfg.engine().withVideoDir(tempDir.resolve("downloads")), cfg.videoApi().maxDownloadBytes(), "/video")
                .withMedia(media).withMaxInFlight(cfg.videoApi().maxInFlight()).withBilling(cfg.billing()));
        session.watch(engine);
        int resumed = engine.start(scheduler);
        System.err.println("reelbot demo: video API " + apiNote + ", jobs in " + dbFile
                + (resumed > 0 ? " (" + resumed + " resumed)" : "") + ". Type /video help.");
        if (chat.readCommands(engine.commands()) == ConsoleChat.Ending.INTERRUPTED) {
            session.interrupt();
            return 130;
        }
        boolean finished = engine.awaitIdle(LONGEST_WAIT);
        if (!finished) {
            System.err.println("reelbot demo: gave up waiting after " + LONGEST_WAIT + "; unfinished jobs stay in "
                    + dbFile + " and resume with --db.");
            return 1;
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: it stops the session itself.
        }
    }
}
