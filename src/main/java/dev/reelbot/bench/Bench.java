package dev.reelbot.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs N jobs at once through the whole engine (parser, store, poller, real HTTP client, delivery) against the
 * simulator in its own JVM, and measures what users and operators care about; then, on the same engine and store,
 * a burst of commands from one user at once ({@link Burst}). See docs/benchmarks.md.
 */
public final class Bench {
    /** The one model every bench job uses; the client given to {@link #run} must know it too. */
    public static final ModelCatalog MODELS = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2")));

    private final BenchOptions options;

    public Bench(BenchOptions options) {
        this.options = options;
    }

    /** Runs the benchmark on a SQLite file in {@code workDir}; returns the figures, one per line. */
    public BenchReport run(Path workDir, VideoApi client) throws Exception {
        try (SqliteConnections db = SqliteConnections.open(workDir.resolve("bench.db"))) {
            return run(workDir, client, db, JobLeases.SOLE);
        }
    }

    /**
     * Runs the benchmark on {@code db}, as one instance holding {@code leases} (for a shared database); returns the
     * figures, one per line.
     */
    public BenchReport run(Path workDir, VideoApi client, Connections db, JobLeases leases) throws Exception {
        EngineSettings settings = EngineSettings.defaults(workDir.resolve("videos"));
        BenchChatPort chat = new BenchChatPort();
        BenchVideoApi api = new BenchVideoApi(client);
        ExecutorService workers = Executors.newFixedThreadPool(settings.workers(),
                DaemonThreads.numbered("bench-worker"));
        ExecutorService submitters = Executors.newFixedThreadPool(settings.submitWorkers(),
                DaemonThreads.numbered("bench-submitter"));
        ExecutorService downloads = Executors.newFixedThreadPool(settings.downloads().workers(),
                DaemonThreads.numbered("bench-download"));
        ExecutorService transcodes = Executors.newFixedThreadPool(settings.media().transcodeWorkers(),
                DaemonThreads.numbered("bench-transcode"));
        BenchMetrics metrics = new BenchMetrics();
        // Every video is kept, as in production; the bench's chat takes each upload, so nothing is fitted.
        MediaParts media = new MediaParts(Optional.of(LocalMediaStore.open(workDir.resolve("media"))),
                Optional.empty(), Optional.empty());
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bench-scheduler"));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            JdbcJobStore store = new JdbcJobStore(db);
            Engine engine = new Engine(new Engine.Parts(store, api, List.of(chat), MODELS, Limits.DEFAULTS,
                    quotas(), new Admins(Set.of()), settings, 100L << 20, "/video", metrics, media).withLeases(leases),
                    workers, submitters, downloads, transcodes, Clock.systemUTC());
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            double[] acks;
            BenchReport report;
            try (ResourceSampler sampler = new ResourceSampler(engine::trackedCount)) {
                engine.start(scheduler);
                acks = submit(engine);
                awaitIdle(engine);
                long cpu = os.getProcessCpuTime() - cpuBefore;
                Duration wall = Duration.ofNanos(System.nanoTime() - wallBefore);
                report = report(store, chat, api, sampler, acks, cpu, wall, settings, metrics);
            }
            if (options.burst() > 0) {
                report = report.withBurst(new Percentiles(Burst.send(engine.commands(), options.burst())));
                awaitIdle(engine);
            }
            engine.stopTicking();
            return report;
        } finally {
            scheduler.shutdownNow();
            workers.shutdownNow();
            submitters.shutdownNow();
            downloads.shutdownNow();
            transcodes.shutdownNow();
        }
    }

    /** Quotas that refuse none of the run's commands: the main jobs' users, and the burst's one user. */
    private Quotas quotas() {
        int most = Math.max(options.jobs(), options.burst());
        return new Quotas(most, Math.max(options.jobs(), 1) + options.burst(), most);
    }

    private void awaitIdle(Engine engine) throws InterruptedException {
        if (!engine.awaitIdle(options.timeout())) {
            throw new IllegalStateException("jobs still unfinished after " + options.timeout() + ": "
                    + engine.trackedCount());
        }
    }

    /** Sends every command from a few client threads at once; returns each command's time to its answer (ms). */
    private double[] submit(Engine engine) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(options.clients(),
                DaemonThreads.numbered("bench-client"));
        try {
            List<Future<Double>> answers = new ArrayList<>();
            for (int i = 0; i < options.jobs(); i++) {
                int n = i;
                answers.add(clients.submit(() -> {
                    Requester who = new Requester("bench", "bench", "channel-" + n % 50, "user-" + n % 200,
                            "user " + n % 200);
                    long start = System.nanoTime();
                    Reply reply = engine.commands().handle(who, "benchmark video number " + n + " --duration 4",
                            "bench-" + n);
                    double millis = (System.nanoTime() - start) / 1e6;
                    if (!reply.ok()) {
                        throw new IllegalStateException("command refused: " + reply.text());
                    }
                    return millis;
                }));
            }
            double[] millis = new double[answers.size()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = answers.get(i).get();
            }
            return millis;
        } finally {
            clients.shutdownNow();
        }
    }

    private BenchReport report(JdbcJobStore store, BenchChatPort chat, BenchVideoApi api, ResourceSampler sampler,
                               double[] acks, long cpuNanos, Duration wall, EngineSettings settings,
                               BenchMetrics metrics) {
        Map<JobState, Integer> states = store.countByState();
        List<Double> finalLatencies = new ArrayList<>();
        List<Double> seenLatencies = new ArrayList<>();
        List<Double> deliveryLatencies = new ArrayList<>();
        List<Double> queueWaits = new ArrayList<>();
        for (Map.Entry<String, Long> shown : chat.finalShownNanos().entrySet()) {
            Job job = store.find(shown.getKey()).orElseThrow();
            if (job.times().submittedAt() != null) {
                queueWaits.add(Duration.between(job.times().createdAt(), job.times().submittedAt()).toNanos() / 1e9);
            }
            String taskId = job.task().taskId();
            Long created = taskId == null ? null : api.createdNanos().get(taskId);
            Long seen = taskId == null ? null : api.seenCompletedNanos().get(taskId);
            if (job.state() == JobState.COMPLETED && created != null && seen != null) {
                long completedAtApi = created + Duration.ofSeconds(options.jobSeconds()).toNanos();
                finalLatencies.add((shown.getValue() - completedAtApi) / 1e9);
                seenLatencies.add((seen - completedAtApi) / 1e9);
                deliveryLatencies.add((shown.getValue() - seen) / 1e9);
            }
        }
        return new BenchReport(options.jobs(), states,
                new Percentiles(acks), seconds(finalLatencies), seconds(seenLatencies), seconds(deliveryLatencies),
                settings.minPollInterval(), (double) api.gets() / options.jobs(),
                (double) (chat.posts() + chat.edits()) / options.jobs(), chat.invisibleEdits(), chat.inProgress(),
                api.creates(), chat.notices(), sampler.peakTracked(), sampler.peakHeapUsed(), sampler.peakLiveHeap(),
                sampler.peakThreads(), cpuNanos / 1e9 / options.jobs() * 1000, wall, new Percentiles(new double[0]),
                metrics.deliveries(), metrics.transcodeSeconds(), api.refused(), seconds(queueWaits));
    }

    private static Percentiles seconds(List<Double> values) {
        return new Percentiles(values.stream().mapToDouble(d -> d).toArray());
    }
}
