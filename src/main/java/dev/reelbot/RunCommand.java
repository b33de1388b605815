package dev.reelbot;

import dev.reelbot.app.ConfigSource;
import dev.reelbot.app.InstanceBeat;
import dev.reelbot.app.LogSetup;
import dev.reelbot.app.MediaSetup;
import dev.reelbot.app.Platforms;
import dev.reelbot.app.Pools;
import dev.reelbot.app.StoreSetup;
import dev.reelbot.app.PortCheck;
import dev.reelbot.app.Transcoding;
import dev.reelbot.app.VideoApis;
import dev.reelbot.config.ConfigException;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.LiveInstances;
import dev.reelbot.core.ShardLocks;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.web.ApiProbe;
import dev.reelbot.web.Health;
import dev.reelbot.web.HealthReport;
import dev.reelbot.web.MicrometerMetrics;
import dev.reelbot.web.SchedulerHeartbeat;
import dev.reelbot.web.WebServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: production. Every platform enabled in config on one engine and one scheduler, the HTTP server for
 * the probes, metrics and Slack's HTTP mode, and a graceful stop on SIGTERM (or Ctrl+C in the console chat) that
 * leaves every job resumable.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run the bot for every platform enabled in the config (Slack, Discord, "
        + "console).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration SUBMISSION_GRACE = Duration.ofSeconds(30);
    private static final Duration SEND_GRACE = Duration.ofSeconds(15);
    private static final Duration STEP_GRACE = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    /** How long the scheduler may go without a beat before /livez fails (the Docker health check's restart). */
    private static final Duration LIVENESS_SILENCE = Duration.ofSeconds(60);
    private static final Duration HEALTH_WATCH = Duration.ofSeconds(10);

    @Option(names = "--config", description = ConfigSource.OPTION_HELP)
    Path config;

    /** The environment secrets and overrides come from; tests give their own. */
    Map<String, String> env = System.getenv();
    /** Released by SIGTERM (the shutdown hook), or by a test. */
    final CountDownLatch shutdown = new CountDownLatch(1);
    /** Released once the graceful stop is done: the JVM halts when its shutdown hooks return, so the hook waits. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The HTTP port once listening (useful when the config asks for port 0). */
    volatile int httpPort;
    /** The console chat's streams; tests give their own. */
    InputStream in = System.in;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    /** Whether the console chat may take this process's terminal (then logs go to a file); tests say no. */
    boolean interactive = System.console() != null;

    @Override
    public Integer call() throws Exception {
        Optional<ReelbotConfig> startable = startable();
        if (startable.isEmpty()) {
            return 1;
        }
        ReelbotConfig cfg = startable.get();
        Path logFile = interactive && cfg.console().enabled() ? cfg.store().path().resolveSibling("reelbot.log")
                : null;
        if (logFile != null) {
            System.err.println("reelbot: the console chat uses this terminal, so logs go to "
                    + logFile.toAbsolutePath());
        }
        LogSetup.apply(cfg.logging(), logFile);
        StoreSetup db;
        try {
            db = StoreSetup.open(cfg.store(), cfg.engine().workers() + cfg.engine().submitWorkers() + 4);
        } catch (StoreException e) {
            System.err.println("reelbot: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(this::stopOnSignal, "reelbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Pools pools = Pools.start(cfg.engine(), STEP_GRACE);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("reelbot-scheduler"));
        MediaSetup media = null;
        try (db) {
            Transcoding transcoding = Transcoding.detect(cfg, env.getOrDefault("PATH", System.getenv("PATH")));
            log.info("transcoding: {}", transcoding.status());
            media = MediaSetup.open(cfg, transcoding);
            log.info("media store: {}", media.where());
            serve(cfg, db, pools, scheduler, media);
        } finally {
            scheduler.shutdownNow();
            pools.close();
            if (media != null) {
                // After the pools: a step still draining there may be keeping a video.
                media.close();
            }
            log.info("reelbot stopped");
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** The config, when it is valid, enables a platform and its port is free; else empty, having said why. */
    private Optional<ReelbotConfig> startable() {
        Path file = ConfigSource.choose(config);
        try {
            ReelbotConfig cfg = ConfigSource.load(file, env);
            Optional<String> idle = ConfigSource.nothingToRun(cfg);
            if (idle.isPresent()) {
                System.err.println("Nothing to run with " + ConfigSource.describe(file) + ": " + idle.get() + ".");
                return Optional.empty();
            }
            PortCheck.requireFree(cfg.serverHost(), cfg.serverPort(),
                    "set server.port (or REELBOT_SERVER_PORT) to a free port");
            return Optional.of(cfg);
        } catch (ConfigException e) {
            System.err.println(ConfigSource.describe(file) + " is invalid.");
            System.err.println(e.getMessage());
        } catch (PortCheck.PortInUse e) {
            System.err.println(e.getMessage());
        }
        return Optional.empty();
    }

    /** SIGTERM: starts the graceful stop and holds the JVM until it is done (or a minute has passed). */
    private void stopOnSignal() {
        shutdown.countDown();
        try {
            if (!stopped.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("graceful stop took longer than {}; exiting anyway", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Everything {@code run} starts, in order, after the store, ffmpeg and the media store (opened by the caller,
     * which closes the media store only once the pools have drained): the chat platforms, metrics and health, the
     * video API, the engine on the pools, the HTTP server (with the video links); then the engine's polling, the
     * media sweeper, the heartbeat, the API probe and the health watch, and last the platforms' connections. Then
     * it waits for the stop, and closes them in reverse.
     */
    private void serve(ReelbotConfig cfg, StoreSetup db, Pools pools, ScheduledExecutorService scheduler,
                       MediaSetup media) throws Exception {
        JobStore store = db.jobs();
        LiveInstances instances = new LiveInstances();
        try (ShardLocks shardLocks = db.shardLocks("reelbot-discord");
             Platforms platforms = new Platforms(cfg, Clock.systemUTC(), in, out, interactive, instances,
                     shardLocks);
             MicrometerMetrics metrics = new MicrometerMetrics(store, platforms.names(),
                     cfg.videoApi().models().names(), cfg.billing().currency());
             HealthReport health = new HealthReport()) {
            VideoApi api = VideoApis.connect(cfg.videoApi(), cfg.videoApi().baseUrl(), cfg.videoApi().apiKey()
                    .orElseThrow(), cfg.engine().downloads());
            Engine engine = pools.engine(new Engine.Parts(store, api, platforms.ports(), cfg.videoApi().models(),
                    cfg.limits(), cfg.quotas(), cfg.admins(), cfg.engine(), cfg.videoApi().maxDownloadBytes(),
                    cfg.slack().enabled() ? cfg.slack().command() : "/video", metrics, media.parts())
                    .withMaxInFlight(cfg.videoApi().maxInFlight()).withBilling(cfg.billing()).withLeases(db.leases()));
            metrics.watchScheduler(engine::trackedCount, engine::inFlightCount);
            ApiProbe probe = new ApiProbe(api, Clock.systemUTC());
            SchedulerHeartbeat heartbeat = new SchedulerHeartbeat(Clock.systemUTC(), LIVENESS_SILENCE);
            health.add("scheduler", HealthReport.Scope.LIVENESS, heartbeat).add("store", db::health)
                    .add("videoApi", probe)
                    .add("poller", () -> engine.stall().map(Health::down)
                            .orElseGet(() -> Health.up("ticks complete")))
                    .add("adminChannel", HealthReport.Scope.REPORTED, () -> engine.adminChannelTrouble()
                            .map(Health::degraded).orElseGet(() -> Health.up("admin notices get through")))
                    .add("transcoding", HealthReport.Scope.REPORTED, () -> media.transcoding().health(cfg))
                    .add("mediaStore", HealthReport.Scope.REPORTED, media::health);
            platforms.addHealth(health);
            try (probe; WebServer web = WebServer.start(cfg.serverHost(), cfg.serverPort(), platforms.slackHttp(),
                    health, metrics::scrape, media.routes(Clock.systemUTC()), cfg.adminToken(), engine::usageCsv,
                    Clock.systemUTC())) {
                int resumed = engine.start(scheduler);
                InstanceBeat.start(db.leases(), instances, scheduler, Clock.systemUTC());
                media.startSweeper(cfg, scheduler, pools.downloads(), Clock.systemUTC());
                heartbeat.start(scheduler);
                probe.start(scheduler);
                health.watch(HEALTH_WATCH);
                platforms.start(engine, scheduler, pools.workers(), pools.downloads(), shutdown::countDown);
                httpPort = web.port();
                log.info("reelbot running: {} unfinished jobs resumed; store {}, instance {}; HTTP on port {}",
                        resumed, db.connections(), db.leases().owner(), web.port());
                shutdown.await();
                stopGracefully(engine, platforms);
                pools.close();
                releaseLeases(engine);
            }
        }
    }

    /**
     * Stops taking commands, lets accepted jobs' create requests go out (then sends no more and waits for the
     * answers of those in flight), stops polling; steps in flight finish their writes as the workers drain. Every
     * unfinished job stays in the store and resumes at the next start.
     */
    private static void stopGracefully(Engine engine, Platforms platforms) throws InterruptedException {
        log.info("reelbot stopping: no new commands");
        platforms.stopTakingCommands();
        Engine.Drained left = engine.drainSubmissions(SUBMISSION_GRACE, SEND_GRACE);
        if (left.unsent() > 0) {
            log.warn("{} accepted jobs were not sent before the stop; they will be sent at the next start",
                    left.unsent());
        }
        if (left.sending() > 0) {
            log.warn("{} create requests had no answer yet at the stop; those jobs will be reported outcome-unknown",
                    left.sending());
        }
        engine.stopTicking();
    }

    /**
     * Once the steps in flight have finished, gives this instance's jobs to the other instances at once (on a
     * shared store); failing that, they take them over when the leases expire.
     */
    private static void releaseLeases(Engine engine) {
        try {
            engine.releaseLeases();
        } catch (StoreException e) {
            log.warn("could not release this instance's leases; the other instances take its jobs over when they "
                    + "expire: {}", e.getMessage());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            log.debug("JVM is shutting down; the hook stays");
        }
    }
}
