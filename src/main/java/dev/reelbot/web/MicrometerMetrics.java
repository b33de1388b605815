package dev.reelbot.web;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The bot's metrics in Prometheus form through Micrometer: the JVM and process (memory, GC, threads, CPU, file
 * descriptors, uptime); counters for submissions, failures, deliveries by kind, message updates, platform 429s,
 * admin notices the admin channel refused and status words the bot does not know; latency histograms for polls,
 * video API calls and transcodes with a dozen buckets each, chosen for what they time; gauges for jobs by state,
 * open refund cases and the scheduler, read from the store at most every few seconds. Every series the README lists
 * exists from start-up, at 0, for each label value the engine can report. Gauges hold their sources
 * strongly: Micrometer's default weak reference would let them be collected and read NaN.
 *
 * <p>Threading: Micrometer meters are thread-safe; gauges are read on the scraping thread.
 */
public final class MicrometerMetrics implements EngineMetrics, AutoCloseable {
    /** A poll is an API GET and a store write: milliseconds when well, seconds when the API or disk struggles. */
    static final Duration[] POLL_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
    /** API calls: a GET takes tens of milliseconds, a create with an image seconds, a download up to minutes. */
    static final Duration[] API_BUCKETS = seconds(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300);
    /** A transcode runs about as long as the clip at 1080p: seconds for a short clip, minutes for a long one. */
    static final Duration[] TRANSCODE_BUCKETS = seconds(0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 1800);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String currency;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** @param platforms the chat platforms running, for their per-platform series */
    public MicrometerMetrics(JobStore store, List<String> platforms) {
        this(store, platforms, List.of(), "USD");
    }

    /**
     * @param platforms the chat platforms running, for their per-platform series
     * @param models    the configured models, for their spend series
     * @param currency  what amounts are in ({@code billing.currency}), for the descriptions
     */
    public MicrometerMetrics(JobStore store, List<String> platforms, List<String> models, String currency) {
        this.currency = currency;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        StoreSnapshot snapshot = new StoreSnapshot(store, Duration.ofSeconds(5));
        for (JobState state : JobState.values()) {
            Gauge.builder("reelbot_jobs", snapshot, s -> s.count(state))
                    .description("Jobs in the store, by state").tag("state", state.name().toLowerCase(Locale.ROOT))
                    .strongReference(true).register(registry);
        }
        Gauge.builder("reelbot_refunds_open", snapshot, StoreSnapshot::openRefunds)
                .description("Refund cases not yet resolved by an admin").strongReference(true).register(registry);
        Gauge.builder("reelbot_refunds_owed", snapshot, StoreSnapshot::owed)
                .description("What refund cases not yet resolved add up to, in " + currency + " (their recorded "
                        + "prices)").strongReference(true).register(registry);
        models.forEach(this::spend);
        SUBMISSION_OUTCOMES.forEach(this::submissions);
        FAILURE_REASONS.forEach(this::failures);
        pollTimer();
        API_ROUTES.forEach(route -> API_OUTCOMES.forEach(outcome -> apiTimer(route, outcome)));
        unknownStatuses();
        DELIVERY_KINDS.forEach(this::deliveries);
        TRANSCODE_OUTCOMES.forEach(this::transcodeTimer);
        for (String platform : platforms) {
            MESSAGE_OUTCOMES.forEach(outcome -> messageUpdates(platform, outcome));
            rateLimited(platform);
            noticeFailures(platform);
        }
    }

    /** Adds the scheduler's gauges, once the engine that owns it exists. */
    public void watchScheduler(IntSupplier tracked, IntSupplier inFlight) {
        Gauge.builder("reelbot_jobs_tracked", tracked, s -> s.getAsInt())
                .description("Jobs with work left, waiting in the shared scheduler").strongReference(true)
                .register(registry);
        Gauge.builder("reelbot_job_steps_in_flight", inFlight, s -> s.getAsInt())
                .description("Job steps due and not yet finished: running, or waiting for a worker")
                .strongReference(true).register(registry);
    }

    /** The Prometheus text exposition, for {@code GET /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void submission(String outcome) {
        submissions(outcome).increment();
    }

    @Override
    public void spent(String model, BigDecimal amount) {
        spend(model).increment(amount.doubleValue());
    }

    @Override
    public void jobFailed(String reason) {
        // The API's own codes are open-ended; a label must not be, so they count as the failed generation they are.
        failures(FAILURE_REASONS.contains(reason) ? reason : "generation_failed").increment();
    }

    @Override
    public void poll(Duration latency) {
        pollTimer().record(latency);
    }

    @Override
    public void apiCall(String route, Duration latency, String outcome) {
        apiTimer(route, outcome).record(latency);
    }

    @Override
    public void delivered(String kind) {
        deliveries(kind).increment();
    }

    @Override
    public void transcode(Duration took, String outcome) {
        transcodeTimer(outcome).record(took);
    }

    @Override
    public void messageUpdate(String platform, String outcome) {
        messageUpdates(platform, outcome).increment();
    }

    @Override
    public void unknownApiStatus() {
        unknownStatuses().increment();
    }

    @Override
    public void noticeFailed(String platform) {
        noticeFailures(platform).increment();
    }

    @Override
    public void platformRateLimited(String platform) {
        rateLimited(platform).increment();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private Counter submissions(String outcome) {
        return Counter.builder("reelbot_submissions").description("Create requests, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** A metric, not an account: the double is fine here; the store keeps the exact amounts. */
    private Counter spend(String model) {
        return Counter.builder("reelbot_spend").description("What billed jobs cost, in " + currency + ", by model "
                + "(their recorded prices; outcome-unknown jobs included)").tag("model", model).register(registry);
    }

    private Counter failures(String reason) {
        return Counter.builder("reelbot_job_failures")
                .description("Jobs that ended without a video (refund cases), by reason").tag("reason", reason)
                .register(registry);
    }

    private Timer pollTimer() {
        return Timer.builder("reelbot_poll").description("One status poll of a job, API call and store write")
                .serviceLevelObjectives(POLL_BUCKETS).publishPercentileHistogram(false).register(registry);
    }

    private Timer apiTimer(String route, String outcome) {
        return Timer.builder("reelbot_api_call").description("Video API calls, by route and outcome")
                .tag("route", route).tag("outcome", outcome).serviceLevelObjectives(API_BUCKETS)
                .publishPercentileHistogram(false).register(registry);
    }

    private Counter deliveries(String kind) {
        return Counter.builder("reelbot_deliveries").description("Finished videos by how they reached the chat: "
                + "uploaded, transcoded (fitted under the limit, then uploaded), linked, failed (neither: kept, "
                + "with a delivery notice)").tag("kind", kind).register(registry);
    }

    private Timer transcodeTimer(String outcome) {
        return Timer.builder("reelbot_transcode").description("Fitting a video under a chat's upload limit with "
                        + "ffmpeg, by outcome").tag("outcome", outcome).serviceLevelObjectives(TRANSCODE_BUCKETS)
                .publishPercentileHistogram(false).register(registry);
    }

    private Counter messageUpdates(String platform, String outcome) {
        return Counter.builder("reelbot_message_updates").description("Progress message posts and edits: sent, "
                        + "throttled by the bot, rate limited by the platform, failed").tag("platform", platform)
                .tag("outcome", outcome).register(registry);
    }

    private Counter unknownStatuses() {
        return Counter.builder("reelbot_unknown_api_status").description("Polls answered with a status word the bot "
                + "does not know (counted as running; the word is in the log and in /video status)")
                .register(registry);
    }

    private Counter noticeFailures(String platform) {
        return Counter.builder("reelbot_notice_failures").description("Admin notices (refund and delivery "
                + "notices, or a refund's resolution) the admin channel refused, each retried")
                .tag("platform", platform).register(registry);
    }

    private Counter rateLimited(String platform) {
        return Counter.builder("reelbot_platform_rate_limited").description("429 answers from a chat platform, "
                + "any call").tag("platform", platform).register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}
