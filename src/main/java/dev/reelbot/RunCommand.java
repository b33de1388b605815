package dev.reelbot;

import dev.reelbot.config.ConfigException;
import dev.reelbot.config.ConfigLoader;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.console.ConsoleChat;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Engine;
import dev.reelbot.slack.SlackApp;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.web.WebServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: production, every platform enabled in config on one engine and one scheduler. */
@Command(name = "run", description = "Run the bot for every platform enabled in the config (Slack, console).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", defaultValue = "config/reelbot.yaml", description = "The config file. Default: "
            + "${DEFAULT-VALUE}")
    Path config;

    /** The environment secrets and overrides come from; tests give their own. */
    Map<String, String> env = System.getenv();
    /** Released by SIGTERM (the shutdown hook), or by a test. */
    final CountDownLatch shutdown = new CountDownLatch(1);
    /** The HTTP port once listening (useful when the config asks for port 0). */
    volatile int httpPort;

    @Override
    public Integer call() throws Exception {
        ReelbotConfig cfg;
        try {
            cfg = ConfigLoader.load(config, env, true);
        } catch (ConfigException e) {
            System.err.println(config + " is invalid.");
            System.err.println(e.getMessage());
            return 1;
        }
        if (!cfg.slack().enabled() && !cfg.console().enabled()) {
            System.err.println("Nothing to run: enable slack or console in " + config + ".");
            return 1;
        }
        Thread hook = new Thread(shutdown::countDown, "reelbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Clock clock = Clock.systemUTC();
        ExecutorService workers = Wiring.workers(cfg.engine().workers());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "reelbot-scheduler"));
        List<RetryingStart> platforms = new ArrayList<>();
        try (SqliteConnections db = SqliteConnections.open(cfg.storePath())) {
            List<ChatPort> ports = new ArrayList<>();
            SlackApp slack = cfg.slack().enabled() ? new SlackApp(Wiring.slackSettings(cfg.slack()), clock) : null;
            if (slack != null) {
                ports.add(slack.port());
            }
            ConsoleChat console = cfg.console().enabled() ? ConsoleChat.create(
                    new PrintStream(System.out, true, StandardCharsets.UTF_8), System.console() != null, 120,
                    Path.of("reelbot-videos"), cfg.console().user()) : null;
            if (console != null) {
                ports.add(console.port());
            }
            Engine engine = Wiring.engine(cfg, cfg.engine(), new JdbcJobStore(db), Wiring.videoApi(cfg.videoApi(),
                    cfg.videoApi().baseUrl(), cfg.videoApi().apiKey().orElseThrow()), ports, cfg.admins(),
                    cfg.slack().enabled() ? cfg.slack().command() : "/video", workers);
            try (WebServer web = WebServer.start(cfg.serverHost(), cfg.serverPort(),
                    slack == null ? () -> null : slack::http)) {
                int resumed = engine.start(scheduler);
                if (slack != null) {
                    RetryingStart start = new RetryingStart("slack", () -> slack.start(engine.commands(), workers),
                            scheduler, workers);
                    platforms.add(start);
                    start.begin();
                }
                if (console != null) {
                    Thread reader = new Thread(() -> readConsole(console, engine), "reelbot-console");
                    reader.setDaemon(true);
                    reader.start();
                }
                httpPort = web.port();
                log.info("reelbot running: {} unfinished jobs resumed, HTTP on port {}", resumed, web.port());
                shutdown.await();
                log.info("reelbot stopping: no new commands; unfinished jobs resume at the next start");
                platforms.forEach(RetryingStart::stop);
                engine.poller().stop();
                if (slack != null) {
                    slack.close();
                }
            }
        } finally {
            scheduler.shutdownNow();
            Wiring.stop(workers, Duration.ofSeconds(20));
            removeHook(hook);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            log.debug("JVM is shutting down; the hook stays");
        }
    }

    private static void readConsole(ConsoleChat console, Engine engine) {
        try {
            console.readCommands(System.in, engine.commands());
        } catch (java.io.IOException e) {
            log.error("console input failed", e);
        }
    }
}
