package dev.reelbot.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What the engine counts and times, as a port: the web layer implements it with Micrometer, tests and the demo
 * use {@link #NONE}. Every method is cheap and never throws. The lists are every value the engine reports for
 * each label, so a metrics backend can show each series at 0 before the first event.
 */
public interface EngineMetrics {
    EngineMetrics NONE = new EngineMetrics() {
    };

    /** {@code refused}: turned away for lack of capacity, the job waits and goes again (see VideoApiException.Refused). */
    List<String> SUBMISSION_OUTCOMES = List.of("submitted", "refused", "rejected", "unavailable", "unknown");
    /** The bot's own failure codes; a failed generation carries the API's code, or {@code generation_failed}. */
    List<String> FAILURE_REASONS = List.of("generation_failed", "task_lost", "time_limit", "no_progress",
            "submit_unknown", "unreachable");
    /** How finished videos reached their chat; {@code failed}: neither file nor link did (a delivery notice). */
    List<String> DELIVERY_KINDS = List.of("uploaded", "transcoded", "linked", "failed");
    List<String> TRANSCODE_OUTCOMES = List.of("fitted", "failed");
    List<String> API_ROUTES = List.of("create", "get", "download");
    List<String> API_OUTCOMES = List.of("ok", "refused", "rejected", "transient", "unknown");
    List<String> MESSAGE_OUTCOMES = List.of("sent", "throttled", "rate_limited", "failed");

    /**
     * A create request's outcome: {@code submitted}, {@code refused} (no capacity: the job waits), {@code rejected},
     * {@code unavailable} or {@code unknown}.
     */
    default void submission(String outcome) {
    }

    /**
     * A job was billed (its create accepted, or maybe accepted: outcome unknown) at the price recorded on it, in the
     * currency of {@code billing.currency}; a model without a price counts nothing.
     */
    default void spent(String model, BigDecimal amount) {
    }

    /** A job ended without a video, by its failure code ({@code generation_failed}, {@code time_limit} ...). */
    default void jobFailed(String reason) {
    }

    /** One status poll of a job, from asking the API to recording the answer. */
    default void poll(Duration latency) {
    }

    /** The chat platform refused a call with a 429 (any call: post, edit, upload, notice). */
    default void platformRateLimited(String platform) {
    }

    /** One video API call: route ({@code create}, {@code get}, {@code download}), how long, and its outcome. */
    default void apiCall(String route, Duration latency, String outcome) {
    }

    /** The video API answered a job's poll with a status word the bot does not know (counted as running). */
    default void unknownApiStatus() {
    }

    /** A refund notice (or the edit showing its resolution) could not reach the admin room; it is retried. */
    default void noticeFailed(String platform) {
    }

    /** A finished video's delivery ended: {@code uploaded}, {@code transcoded}, {@code linked} or {@code failed}. */
    default void delivered(String kind) {
    }

    /** One attempt to fit a video under a limit, how long it took: {@code fitted} or {@code failed}. */
    default void transcode(Duration took, String outcome) {
    }

    /** A message post or edit: {@code sent}, {@code throttled} (held back by the bot), {@code rate_limited}
     * (the platform answered 429) or {@code failed}. */
    default void messageUpdate(String platform, String outcome) {
    }
}
