package dev.reelbot.core.engine;

import dev.reelbot.core.ChatPort;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.billing.BillingSettings;
import dev.reelbot.core.billing.BudgetWatch;
import dev.reelbot.core.billing.Pricing;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.billing.UsageReports;
import dev.reelbot.core.command.CommandParser;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.Deliverer;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.notice.NoticeDesk;
import dev.reelbot.core.notice.NoticeTrouble;
import dev.reelbot.core.notice.RefundDesk;
import dev.reelbot.core.queue.CapacityQueue;
import dev.reelbot.core.render.Renderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The job engine, assembled: one poller, one worker pool, the store, the video API and the chat platforms.
 * {@code Main} builds one, hands its {@link CommandHandler} to each adapter, starts it on the shared scheduler, and
 * asks it how the jobs are doing (for health, metrics and a graceful stop).
 */
public final class Engine {
    private final JobService jobs;
    private final Poller poller;
    private final CommandHandler commands;
    private final EngineSettings settings;
    private final LeaseKeeper leases;
    private final UsageReports usage;
    private final PendingSubmissions pending = new PendingSubmissions();
    private final NoticeTrouble noticeTrouble = new NoticeTrouble();
    private final FinishTimes finishTimes;

    /**
     * An engine whose create requests, downloads and transcodes run on the workers too: for tests, which step jobs
     * on their own thread.
     */
    public Engine(Parts parts, Executor workers, Clock clock) {
        this(parts, workers, workers, workers, workers, clock);
    }

    /**
     * @param workers     where job steps run: a bounded pool in production, the calling thread in tests
     * @param submitters  where the step that sends a job's create request runs (see {@link Poller})
     * @param downloads   where videos are downloaded ({@link Deliverer}): a pool of
     *                    {@code settings.downloads().workers()} threads, apart from the others
     * @param transcodes  where videos are fitted under a channel's limit ({@link Deliverer}): a pool of
     *                    {@code settings.media().transcodeWorkers()} threads, apart from the others (keeping
     *                    videos and taking poster frames, short work, runs on the downloads' pool)
     */
    public Engine(Parts parts, Executor workers, Executor submitters, Executor downloads, Executor transcodes,
                  Clock clock) {
        this.settings = parts.settings();
        ModelCatalog catalog = parts.catalog();
        ReferenceImages images = new ReferenceImages(parts.media().store());
        VideoApi api = new LimitedVideoApi(new MeasuredVideoApi(images.resolving(parts.api()), parts.metrics()),
                settings.maxApiCalls());
        JobUpdates updates = new JobUpdates(parts.store(), parts.metrics());
        this.finishTimes = new FinishTimes(parts.store(), clock);
        CapacityQueue queue = new CapacityQueue(parts.store(), parts.maxInFlight(),
                parts.quotas().concurrentPerUser(), clock, () -> ThreadLocalRandom.current().nextDouble(),
                new CapacityQueue.Wakes() {
                    @Override
                    public void toSend(String jobId) {
                        poller().wakeToSend(jobId);
                    }

                    @Override
                    public void toShow(String jobId) {
                        poller().wake(jobId);
                    }
                }, workers, jobId -> leaseKeeper().holds(jobId), parts.leases() == JobLeases.SOLE);
        Renderer renderer = new Renderer(catalog, queue, settings.adminLocale());
        NoticeDesk notices = new NoticeDesk(parts.store(), updates, renderer, clock, parts.metrics(), noticeTrouble);
        ChatPorts chats = new ChatPorts(parts.chats()).measured(parts.metrics());
        JobRunner runner = new JobRunner(parts.store(), chats,
                new TaskWatcher(api, updates, catalog, settings, clock, () -> ThreadLocalRandom.current()
                        .nextDouble(), parts.metrics(), queue, finishTimes),
                new Deliverer(api, downloads, transcodes, settings.downloads(), settings.media(), parts.media(),
                        jobId -> poller().wakeNow(jobId), settings.videoDir(), parts.maxDownloadBytes(),
                        settings.deliveryAttempts(), updates, parts.metrics(), clock),
                notices, new MessageKeeper(updates, renderer, settings, clock, parts.metrics(), queue), pending,
                queue, clock);
        BudgetAlerts alerts = new BudgetAlerts(chats, renderer, workers, clock);
        this.poller = new Poller(runner::step, workers, settings.workers(), submitters, clock, () -> {
            queue.tick();
            alerts.tick();
        });
        this.leases = new LeaseKeeper(parts.leases(), parts.store(), clock, parts.chats().stream()
                .map(ChatPort::platform).collect(Collectors.toSet()), this::resumeClaimed, this::forget);
        BillingSettings billing = parts.billing();
        BudgetWatch budgets = new BudgetWatch(parts.store(), billing, alerts);
        this.jobs = new JobService(parts.store(), poller, parts.quotas(), clock, pending,
                new Pricing(catalog, billing.currency()), budgets, queue, leases);
        RefundDesk refunds = new RefundDesk(parts.store(), updates, clock, job -> {
            if (leases.take(job)) {
                poller.follow(job);
            }
        });
        this.usage = new UsageReports(parts.store(), catalog, parts.quotas(), budgets, billing.currency());
        this.commands = new CommandHandler(new CommandParser(catalog, parts.limits(), parts.commandName()), jobs,
                parts.store(), renderer, parts.admins(), refunds, chats, clock, api::knowsStatus,
                new QueueActions(parts.store(), updates, queue, poller, renderer, clock), usage, images);
    }

    /**
     * What an engine is made of; {@code chats}: one port per platform; {@code media}: what videos are kept with;
     * {@code maxInFlight}: jobs in flight at the video API at once across all users
     * ({@code video-api.max-in-flight}, {@link #UNLIMITED} for no limit); {@code billing}: the currency and the
     * monthly budgets; {@code leases}: which jobs this instance steps when others share the store.
     */
    public record Parts(JobStore store, VideoApi api, List<ChatPort> chats, ModelCatalog catalog, Limits limits,
                        Quotas quotas, Admins admins, EngineSettings settings, long maxDownloadBytes,
                        String commandName, EngineMetrics metrics, MediaParts media, int maxInFlight,
                        BillingSettings billing, JobLeases leases) {
        public static final int UNLIMITED = Integer.MAX_VALUE;

        /** Parts with no limit on jobs in flight, in US dollars with no budgets, the only instance on its store. */
        public Parts(JobStore store, VideoApi api, List<ChatPort> chats, ModelCatalog catalog, Limits limits,
                     Quotas quotas, Admins admins, EngineSettings settings, long maxDownloadBytes,
                     String commandName, EngineMetrics metrics, MediaParts media) {
            this(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes, commandName,
                    metrics, media, UNLIMITED, BillingSettings.DEFAULTS, JobLeases.SOLE);
        }

        /** Parts that report no metrics and keep no media. */
        public Parts(JobStore store, VideoApi api, List<ChatPort> chats, ModelCatalog catalog, Limits limits,
                     Quotas quotas, Admins admins, EngineSettings settings, long maxDownloadBytes,
                     String commandName) {
            this(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes, commandName,
                    EngineMetrics.NONE, MediaParts.NONE);
        }

        /** The same parts with {@code newMedia}. */
        public Parts withMedia(MediaParts newMedia) {
            return new Parts(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes,
                    commandName, metrics, newMedia, maxInFlight, billing, leases);
        }

        /** The same parts with at most {@code max} jobs in flight at the video API. */
        public Parts withMaxInFlight(int max) {
            return new Parts(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes,
                    commandName, metrics, media, max, billing, leases);
        }

        /** The same parts, billing in {@code newBilling}'s currency within its budgets. */
        public Parts withBilling(BillingSettings newBilling) {
            return new Parts(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes,
                    commandName, metrics, media, maxInFlight, newBilling, leases);
        }

        /** The same parts, stepping only the jobs {@code newLeases} holds (instances sharing the store). */
        public Parts withLeases(JobLeases newLeases) {
            return new Parts(store, api, chats, catalog, limits, quotas, admins, settings, maxDownloadBytes,
                    commandName, metrics, media, maxInFlight, billing, newLeases);
        }
    }

    /**
     * Reads the learned finish times, resumes unfinished jobs (those no live instance holds, when several share the
     * store), starts polling and the leases' heartbeat on the shared scheduler; returns how many jobs resumed.
     */
    public int start(ScheduledExecutorService scheduler) {
        finishTimes.load();
        int resumed = jobs.resume();
        leases.start(scheduler);
        poller.start(scheduler, settings.tick());
        return resumed;
    }

    /** Like {@link #start} without starting the scheduler: tests drive {@link #tick()} themselves. */
    public int resume() {
        finishTimes.load();
        return jobs.resume();
    }

    /**
     * One heartbeat of the leases (see {@link LeaseKeeper#beat}): tests call it instead of waiting for the
     * scheduler; returns how many jobs it claimed from instances that stopped renewing.
     */
    public int keepLeases() {
        return leases.beat();
    }

    /**
     * Gives up this instance's leases, once its steps have finished (the end of a graceful stop), so the other
     * instances take its jobs over at once instead of after a lease.
     */
    public void releaseLeases() {
        leases.release();
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

    /** Every job accepted over {@code period} as CSV, as of {@code at}: what {@code GET /admin/usage.csv} serves. */
    public String usageCsv(UsagePeriod period, Instant at) {
        return usage.csv(period, at);
    }

    public CommandHandler commands() {
        return commands;
    }

    /** Steps every job that is due now. Tests call this instead of waiting for the scheduler. */
    public void tick() {
        poller.tick();
    }

    /**
     * Stops ticking (the last step of a graceful stop) and saves the finish times learned since the last save; steps
     * in flight finish on their own.
     */
    public void stopTicking() {
        poller.stop();
        finishTimes.sync();
    }

    /** Empty while scheduled ticks complete; else since when none has, for {@code /healthz}. */
    public Optional<String> stall() {
        return poller.stall();
    }

    /** How many jobs have work left. */
    public int trackedCount() {
        return poller.trackedCount();
    }

    /** How many job steps are due and not yet finished: running, or waiting for a worker. */
    public int inFlightCount() {
        return poller.inFlightCount();
    }

    /** Waits until no job has work left, or the timeout passes; returns whether none has. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return poller.awaitIdle(timeout);
    }

    private void resumeClaimed(List<Job> claimed) {
        jobs.resume(claimed);
    }

    /**
     * Stops stepping a job another instance took over; one this instance had not sent yet no longer holds up its
     * graceful stop (the new holder sends it).
     */
    private void forget(String jobId) {
        poller.forget(jobId).filter(Tracked::uncount).ifPresent(job -> pending.done());
    }

    Poller poller() {
        return poller;
    }

    private LeaseKeeper leaseKeeper() {
        return leases;
    }
}
