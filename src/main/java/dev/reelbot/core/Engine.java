package dev.reelbot.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The job engine, assembled: one poller, one worker pool, the store, the video API and the chat platforms.
 * {@code Main} builds one and hands its {@link CommandHandler} to each adapter.
 */
public final class Engine {
    private final JobService jobs;
    private final Poller poller;
    private final CommandHandler commands;
    private final EngineSettings settings;
    private final PendingSubmissions pending = new PendingSubmissions();
    private final NoticeTrouble noticeTrouble = new NoticeTrouble();

    /**
     * An engine whose create requests and downloads run on the workers too: for tests, which step jobs on their own
     * thread.
     */
    public Engine(Parts parts, Executor workers, Clock clock) {
        this(parts, workers, workers, workers, workers, clock);
    }

    /**
     * @param workers     where job steps run: a bounded pool in production, the calling thread in tests
     * @param submitters  where the step that sends a job's create request runs (see {@link Poller})
     * @param downloads   where videos are downloaded ({@link Offload}): a pool of
     *                    {@code settings.downloads().workers()} threads, apart from the others
     * @param transcodes  where videos are fitted under a channel's limit ({@link MediaWork}): a pool of
     *                    {@code settings.media().transcodeWorkers()} threads, apart from the others (keeping
     *                    videos and taking poster frames, short work, runs on the downloads' pool)
     */
    public Engine(Parts parts, Executor workers, Executor submitters, Executor downloads, Executor transcodes,
                  Clock clock) {
        this.settings = parts.settings();
        ModelCatalog catalog = parts.catalog();
        VideoApi api = new LimitedVideoApi(new MeasuredVideoApi(parts.api(), parts.metrics()), settings.maxApiCalls());
        JobUpdates updates = new JobUpdates(parts.store(), parts.metrics());
        Renderer renderer = new Renderer(catalog);
        NoticeDesk notices = new NoticeDesk(parts.store(), updates, renderer, clock, parts.metrics(), noticeTrouble);
        ChatPorts chats = parts.chats().measured(parts.metrics());
        JobRunner runner = new JobRunner(parts.store(), chats,
                new TaskWatcher(api, updates, catalog, settings, clock, () -> ThreadLocalRandom.current()
                        .nextDouble(), parts.metrics()),
                deliverer(parts, api, updates, downloads, transcodes, clock),
                notices, new MessageKeeper(updates, renderer, settings, clock, parts.metrics()), pending, clock);
        this.poller = new Poller(runner::step, workers, settings.workers(), submitters, clock);
        this.jobs = new JobService(parts.store(), poller, parts.quotas(), clock, pending);
        RefundDesk refunds = new RefundDesk(parts.store(), updates, clock, poller::follow);
        this.commands = new CommandHandler(new CommandParser(catalog, parts.limits(), parts.commandName()), jobs,
                parts.store(), renderer, parts.admins(), refunds, chats, clock, api::knowsStatus);
    }

    private Deliverer deliverer(Parts parts, VideoApi api, JobUpdates updates, Executor downloads,
                                Executor transcodes, Clock clock) {
        Offload downloading = new Offload(downloads, settings.downloads().workers(), jobId -> poller().wake(jobId));
        Downloads fetching = new Downloads(api, downloading, settings.videoDir(), parts.maxDownloadBytes());
        MediaWork media = new MediaWork(parts.media(), settings.media(), downloading, new Offload(transcodes,
                settings.media().transcodeWorkers(), jobId -> poller().wake(jobId)), settings.videoDir(),
                parts.metrics());
        return new Deliverer(fetching, media, updates, settings, clock);
    }

    /** What an engine is made of. */
    public record Parts(JobStore store, VideoApi api, ChatPorts chats, ModelCatalog catalog, Limits limits,
                        Quotas quotas, Admins admins, EngineSettings settings, long maxDownloadBytes,
                        String commandName, EngineMetrics metrics, MediaParts media) {

        /** Parts that report no metrics and keep no media. */
        public Parts(JobStore store, VideoApi api, ChatPorts chats, ModelCatalog catalog, Limits limits,
                     Quotas quotas, Admins admins, EngineSettings settings, long maxDownloadBytes,
                     String commandName) {
            this(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes, commandName,
                    EngineMetrics.NONE, MediaParts.NONE);
        }

        /** The same parts with {@code newMedia}. */
        public Parts withMedia(MediaParts newMedia) {
            return new Parts(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes,
                    commandName, metrics, newMedia);
        }
    }

    /** Resumes unfinished jobs and starts polling on the shared scheduler; returns how many jobs resumed. */
    public int start(ScheduledExecutorService scheduler) {
        int resumed = jobs.resume();
        poller.start(scheduler, settings.tick());
        return resumed;
    }

    /** Resumes unfinished jobs without starting the scheduler: tests drive {@link Poller#tick()} themselves. */
    public int resume() {
        return jobs.resume();
    }

    /**
     * For a graceful shutdown, once no new commands arrive: lets accepted jobs' create requests go out for up to
     * {@code timeout}, then sends no more (those left are sent at the next start, unbilled) and waits up to
     * {@code sendGrace} for the answers of requests already sent, so none is left outcome-unknown. Returns what
     * was left.
     */
    public Drained drainSubmissions(Duration timeout, Duration sendGrace) throws InterruptedException {
        return pending.drain(timeout, sendGrace);
    }

    /** What a drain left: jobs never sent (sent at the next start), and create requests still without an answer. */
    public record Drained(int unsent, int sending) {
    }

    /**
     * Empty while refund notices reach the admin channel; else what keeps them out (they are retried), for
     * {@code /healthz}.
     */
    public Optional<String> adminChannelTrouble() {
        return noticeTrouble.problem();
    }

    public CommandHandler commands() {
        return commands;
    }

    public Poller poller() {
        return poller;
    }
}
