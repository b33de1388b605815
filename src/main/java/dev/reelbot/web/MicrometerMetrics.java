package dev.reelbot.web;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.JobState;
import dev.reelbot.core.JobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The engine's metrics in Prometheus form through Micrometer: counters for submissions, failures, message updates
 * and platform 429s; latency histograms for polls and video API calls; gauges for jobs by state, open refund
 * cases and jobs being tracked, read from the store at most every few seconds. Gauges hold their sources
 * strongly: Micrometer's default weak reference would let them be collected and read NaN.
 *
 * <p>Threading: Micrometer meters are thread-safe; gauges are read on the scraping thread.
 */
public final class MicrometerMetrics implements EngineMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public MicrometerMetrics(JobStore store) {
        StoreSnapshot snapshot = new StoreSnapshot(store, Duration.ofSeconds(5));
        for (JobState state : JobState.values()) {
            Gauge.builder("reelbot_jobs", snapshot, s -> s.count(state))
                    .description("Jobs in the store, by state").tag("state", state.name().toLowerCase())
                    .strongReference(true).register(registry);
        }
        Gauge.builder("reelbot_refunds_open", snapshot, StoreSnapshot::openRefunds)
                .description("Refund cases not yet resolved by an admin").strongReference(true).register(registry);
    }

    /** Adds the scheduler's gauges, once the engine that owns it exists. */
    public void watchScheduler(IntSupplier tracked, IntSupplier inFlight) {
        Gauge.builder("reelbot_jobs_tracked", tracked, s -> s.getAsInt())
                .description("Jobs with work left, waiting in the shared scheduler").strongReference(true)
                .register(registry);
        Gauge.builder("reelbot_job_steps_in_flight", inFlight, s -> s.getAsInt())
                .description("Job steps due and not yet finished: running, or waiting for a worker").strongReference(true).register(registry);
    }

    /** The Prometheus text exposition, for {@code GET /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void submission(String outcome) {
        counter("reelbot_submissions", "Create requests, by outcome", "outcome", outcome).increment();
    }

    @Override
    public void jobFailed(String reason) {
        counter("reelbot_job_failures", "Jobs that ended without a video (refund cases), by reason", "reason",
                reason.isEmpty() ? "unknown" : reason).increment();
    }

    @Override
    public void poll(Duration latency) {
        Timer.builder("reelbot_poll").description("One status poll of a job, API call and store write")
                .publishPercentileHistogram().register(registry).record(latency);
    }

    @Override
    public void apiCall(String route, Duration latency, String outcome) {
        Timer.builder("reelbot_api_call").description("Video API calls, by route and outcome").tag("route", route)
                .tag("outcome", outcome).publishPercentileHistogram().register(registry).record(latency);
    }

    @Override
    public void messageUpdate(String platform, String outcome) {
        Counter.builder("reelbot_message_updates").description("Progress message posts and edits: sent, "
                        + "throttled by the bot, rate limited by the platform, failed").tag("platform", platform)
                .tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void unknownApiStatus() {
        Counter.builder("reelbot_unknown_api_status").description("Polls answered with a status word the bot does "
                + "not know (counted as running; the word is in the log and in /video status)").register(registry)
                .increment();
    }

    @Override
    public void noticeFailed(String platform) {
        counter("reelbot_notice_failures", "Refund notices (or their resolution) that could not reach the admin "
                + "channel, each retried", "platform", platform).increment();
    }

    @Override
    public void platformRateLimited(String platform) {
        counter("reelbot_platform_rate_limited", "429 answers from a chat platform, any call", "platform", platform)
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
