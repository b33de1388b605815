package dev.reelbot.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.reelbot.app.Pools;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

/**
 * Runs N jobs at once through the whole engine (parser, store, poller, real HTTP client, delivery) against the
 * simulator in its own JVM, on a chat with the platforms' latency and rate limits, and measures what users and
 * operators care about; then a burst of commands from one user at once. With a baseline, the same load goes
 * through a naive fixed-interval poller ({@link NaivePoller}) afterwards, on the same simulator. Each contender
 * first runs a warm-up that is not counted. See docs/benchmarks.md.
 */
public final class Bench {
    /** The one model every bench job uses; the client given to {@link #run} must know it too. */
    public static final ModelCatalog MODELS = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2")));
    private static final String MEASURED = "benchmark";
    private static final String WARM_UP = "warm-up";

    private final BenchOptions options;
    /** The bot's metrics, for its deliveries by kind and transcode times. */
    private final BenchMetrics metrics = new BenchMetrics();

    public Bench(BenchOptions options) {
        this.options = options;
    }

    /**
     * Runs the benchmark against the simulator at {@code simulatorUrl}, which {@code client} talks to, the bot's jobs
     * in a SQLite file in {@code workDir}.
     */
    public BenchReport run(Path workDir, VideoApi client, String simulatorUrl) throws Exception {
        Files.createDirectories(workDir.resolve("bot"));
        try (SqliteConnections db = SqliteConnections.open(workDir.resolve("bot").resolve("bench.db"))) {
            return run(workDir, client, simulatorUrl, db, JobLeases.SOLE);
        }
    }

    /**
     * Runs the benchmark with the bot's jobs on {@code db}, as one instance holding {@code leases} (for a shared
     * database).
     */
    public BenchReport run(Path workDir, VideoApi client, String simulatorUrl, Connections db, JobLeases leases)
            throws Exception {
        Figures[] bot = runBot(workDir.resolve("bot"), client, simulatorUrl, db, leases);
        if (!options.baseline()) {
            return new BenchReport(bot[0], bot[1], null, null, metrics.deliveries(), metrics.transcodeSeconds());
        }
        System.gc();
        Figures[] baseline = runBaseline(workDir.resolve("baseline"), client, simulatorUrl);
        return new BenchReport(bot[0], bot[1], baseline[0], baseline[1], metrics.deliveries(),
                metrics.transcodeSeconds());
    }

    private Figures[] runBot(Path dir, VideoApi client, String simulatorUrl, Connections db, JobLeases leases)
            throws Exception {
        EngineSettings defaults = EngineSettings.defaults(dir.resolve("videos"));
        EngineSettings settings = options.workers() > 0 ? defaults.withWorkers(options.workers()) : defaults;
        Traces traces = new Traces(options.timelines() != null);
        List<BenchChatPort> chats = chats(traces);
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bench-scheduler"));
        Files.createDirectories(dir);
        // Every video is kept, as in production; the bench's chat takes each upload, so nothing is fitted.
        MediaParts media = new MediaParts(Optional.of(LocalMediaStore.open(dir.resolve("media"))),
                Optional.empty(), Optional.empty());
        try (Pools pools = Pools.start(settings, Duration.ZERO)) {
            JdbcJobStore store = new JdbcJobStore(db);
            Engine engine = pools.engine(new Engine.Parts(store, new BenchVideoApi(client, traces),
                    List.copyOf(chats), MODELS, Limits.DEFAULTS, quotas(), new Admins(Set.of()), settings,
                    100L << 20, "/video", metrics, media).withLeases(leases));
            engine.start(scheduler);
            Contenders.Bot bot = new Contenders.Bot(engine, store);
            Figures[] figures = measure("bot", bot, traces, simulatorUrl, chats, bot::outcomes);
            engine.stopTicking();
            return figures;
        } finally {
            scheduler.shutdownNow();
        }
    }

    private Figures[] runBaseline(Path dir, VideoApi client, String simulatorUrl) throws Exception {
        Traces traces = new Traces(options.timelines() != null);
        List<BenchChatPort> chats = chats(traces);
        Files.createDirectories(dir);
        try (NaivePoller naive = new NaivePoller(new BenchVideoApi(client, traces), List.copyOf(chats), dir)) {
            Contenders.Naive baseline = new Contenders.Naive(naive);
            return measure("baseline", baseline, traces, simulatorUrl, chats, baseline::outcomes);
        }
    }

    /** The warm-up, then the measured jobs, then the burst; their figures (the burst's {@code null} if none). */
    private Figures[] measure(String by, Contender contender, Traces traces, String simulatorUrl,
                              List<BenchChatPort> chats, Outcomes outcomes) throws Exception {
        if (options.warmUp() > 0) {
            Burst.steady(contender, load(by, WARM_UP, options.warmUp()), traces, options.clients());
            awaitIdle(contender);
        }
        Load measured = load(by, MEASURED, options.jobs());
        long noticesBefore = notices(chats);
        Percentiles acks;
        Figures.Resources resources;
        System.gc();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ResourceSampler sampler = new ResourceSampler(contender::trackedCount)) {
            long cpuBefore = os.getProcessCpuTime();
            double compilerBefore = CompilerCpu.seconds();
            long wallBefore = System.nanoTime();
            acks = Burst.steady(contender, measured, traces, options.clients());
            awaitIdle(contender);
            resources = new Figures.Resources(sampler.peakTracked(), sampler.peakHeapUsed(), sampler.peakLiveHeap(),
                    sampler.peakThreads(), (os.getProcessCpuTime() - cpuBefore) / 1e9,
                    Math.max(0, CompilerCpu.seconds() - compilerBefore),
                    Duration.ofNanos(System.nanoTime() - wallBefore));
        }
        long notices = notices(chats) - noticesBefore;
        Figures burst = null;
        Load burstLoad = load(by, Load.BURST, options.burst());
        Percentiles burstAcks = null;
        if (options.burst() > 0) {
            burstAcks = Burst.atOnce(contender, burstLoad, traces);
            awaitIdle(contender);
        }
        ApiTimeline timeline = ApiTimeline.fetch(simulatorUrl);
        Figures run = Figures.of(traces.all(prompts(measured)), acks, timeline, outcomes.of(measured), notices,
                resources);
        if (options.timelines() != null) {
            Timelines.append(options.timelines(), by, traces.all(prompts(measured)), timeline);
        }
        if (burstAcks != null) {
            burst = Figures.of(traces.all(prompts(burstLoad)), burstAcks, timeline, outcomes.of(burstLoad), 0,
                    resources);
        }
        return new Figures[] {run, burst};
    }

    /** How a load's jobs ended, by state. */
    @FunctionalInterface
    interface Outcomes {
        Map<String, Integer> of(Load load);
    }

    private Load load(String by, String kind, int count) {
        return new Load(by, kind, count, options.perWorkspace());
    }

    private static List<String> prompts(Load load) {
        return IntStream.range(0, load.count()).mapToObj(load::prompt).toList();
    }

    private List<BenchChatPort> chats(Traces traces) {
        return List.of(new BenchChatPort(Load.SLACK, ChatLimits.Flavour.SLACK, options.chatLatency(), traces),
                new BenchChatPort(Load.DISCORD, ChatLimits.Flavour.DISCORD, options.chatLatency(), traces),
                new BenchChatPort(Load.BURST, ChatLimits.Flavour.NONE, Duration.ZERO, traces));
    }

    private static long notices(List<BenchChatPort> chats) {
        return chats.stream().mapToLong(BenchChatPort::notices).sum();
    }

    /** Quotas that refuse none of the run's commands: the main jobs' users, and the burst's one user. */
    private Quotas quotas() {
        int most = Math.max(options.jobs() + options.warmUp(), options.burst());
        return new Quotas(most, options.jobs() + options.warmUp() + options.burst() + 1, most);
    }

    private void awaitIdle(Contender contender) throws InterruptedException {
        if (!contender.awaitIdle(options.timeout())) {
            throw new IllegalStateException("jobs still unfinished after " + options.timeout() + ": "
                    + contender.trackedCount());
        }
    }
}
