package dev.reelbot.videoapi;

import dev.reelbot.core.RetryAfter;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.text.PlainText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Sorts every failed call into the {@link VideoApiException} classes; the one place that judges what an answer of
 * the video API means. The judgements that matter most: a create that may have reached the server is
 * {@code OutcomeUnknown}, because it may have been billed; a create the API provably turned away for lack of
 * capacity (429, or 503 with the gateway's own error body, in either of its shapes and any language) is
 * {@code Refused}, the one answer after which a job may be sent again; a create refused outright (other 4xx, a
 * bare 503) or never sent is safe to report as not submitted.
 */
final class Failures {

    /** Which route failed: the create route's failures are judged by whether the job may exist. */
    enum Route { CREATE, GET, DOWNLOAD }

    /**
     * Codes of a 429 that is no matter of capacity but of the account's quota or credit (OpenAI answers
     * {@code insufficient_quota} with a 429; the gateway {@code insufficient_user_quota} with a 403): waiting would
     * not help, an admin must act.
     */
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "insufficient_user_quota");

    private Failures() {
    }

    /**
     * Whether a create's answer proves the API turned it away for lack of capacity, nothing started: a 429 (the
     * gateway's saturation and per-key concurrency answers, often in Chinese), or a 503 that carries the gateway's
     * error object (a bare 503, as a proxy sends, proves nothing about the gateway).
     */
    private static boolean isCapacityRefusal(int status, ErrorBody error) {
        if (QUOTA_CODES.contains(error.code())) {
            return false;
        }
        return status == 429 || status == 503 && error.isGatewayError();
    }

    static VideoApiException fromResponse(Route route, int status, String body, String retryAfter, Clock clock) {
        ErrorBody error = ErrorBody.parse(body);
        String detail = error.message().isEmpty() ? "" : ": " + error.message();
        if (error.code().equals("model_not_found")) {
            return new VideoApiException.Rejected(
                    "the video API does not offer this model (HTTP " + status + ")" + detail, status, error.code());
        }
        if (status == 401) {
            return new VideoApiException.Rejected("the video API refused the bot's API key (HTTP 401); "
                    + "an admin must check VIDEO_API_KEY" + detail, status, error.code());
        }
        if (route == Route.CREATE && isCapacityRefusal(status, error)) {
            return new VideoApiException.Refused("the video API is busy (HTTP " + status + ")" + detail, status,
                    error.code(), RetryAfter.parse(retryAfter, clock).orElse(null));
        }
        if (status == 429 && !QUOTA_CODES.contains(error.code())) {
            return new VideoApiException.Transient("the video API is busy (HTTP 429)" + detail, status, error.code(),
                    RetryAfter.parse(retryAfter, clock).orElse(null), null);
        }
        if (status >= 500) {
            if (route == Route.CREATE && status != 503) {
                return new VideoApiException.OutcomeUnknown("the video API failed while taking the request (HTTP "
                        + status + ")" + detail + "; the job may or may not have been started", status, null);
            }
            return new VideoApiException.Transient("the video API is unavailable (HTTP " + status + ")" + detail,
                    status, error.code(), RetryAfter.parse(retryAfter, clock).orElse(null), null);
        }
        if (status >= 300 && status < 400) {
            return new VideoApiException.Rejected("the video API answered with a redirect (HTTP " + status
                    + "); check video-api.base-url", status, error.code());
        }
        String message = error.message().isEmpty()
                ? "the video API refused the request (HTTP " + status + ")"
                : error.message();
        return new VideoApiException.Rejected(message, status, error.code());
    }

    /**
     * A call that got no answer; one the {@link OutboundPolicy} refused before sending anything is rejected, not
     * transient: it would be refused again.
     *
     * @param requestStarted whether any byte of the request was written: if so a create may have been received
     */
    static VideoApiException fromIOException(Route route, IOException e, boolean requestStarted) {
        if (e instanceof OutboundPolicy.RefusedAddress) {
            return new VideoApiException.Rejected("refused to connect: " + e.getMessage(), 0,
                    VideoApiException.Rejected.UNSAFE_ADDRESS);
        }
        String reason = describe(e);
        if (route == Route.CREATE && requestStarted) {
            return new VideoApiException.OutcomeUnknown("no answer from the video API after sending the request ("
                    + reason + "); the job may or may not have been started", 0, e);
        }
        String nothingSent = route == Route.CREATE ? "; nothing was submitted" : "";
        return new VideoApiException.Transient("could not reach the video API (" + reason + ")" + nothingSent, 0,
                "", (Duration) null, e);
    }

    /** A response we could not read (not a job object): for a create the job may exist anyway. */
    static VideoApiException unreadable(Route route, int status) {
        if (route == Route.CREATE) {
            return new VideoApiException.OutcomeUnknown("the video API accepted the request (HTTP " + status
                    + ") but its answer could not be read; the job may have been started", status, null);
        }
        return new VideoApiException.Transient("the video API answered something that is not a job (HTTP "
                + status + ")", status, "unreadable", null, null);
    }

    /** What went wrong with a connection, in words for users: no exception text, no host or port. */
    static String plainCause(IOException e) {
        if (e instanceof OutboundPolicy.RefusedAddress) {
            return "its address is private or internal";
        }
        if (e instanceof InterruptedIOException) {
            return "its host did not answer in time";
        }
        if (e instanceof UnknownHostException) {
            return "its host name is unknown";
        }
        if (e instanceof ConnectException) {
            return "its host refused the connection";
        }
        return "the connection failed";
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : ": " + PlainText.oneLine(e.getMessage(), 120);
        return e.getClass().getSimpleName() + message;
    }
}
