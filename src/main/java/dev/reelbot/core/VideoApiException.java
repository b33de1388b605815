package dev.reelbot.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Every way a video API call can fail, in four classes that tell the caller what to do next: {@link Rejected} (the
 * request was refused; its message is safe to show the user), {@link Refused} (a create the API turned away for
 * lack of capacity: nothing was started or billed, so it may be sent again later), {@link Transient} (try again
 * later; nothing was created), and {@link OutcomeUnknown} (a create that may have reached the server: never retry).
 * Messages never contain credentials.
 */
public abstract sealed class VideoApiException extends Exception {
    private final int httpStatus;
    private final String code;

    private VideoApiException(String message, int httpStatus, String code, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code == null ? "" : code;
    }

    /** The HTTP status the API answered, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The API's error code ({@code invalid_size}, {@code task_not_exist} ...), or empty. */
    public String code() {
        return code;
    }

    /** The request was refused and will be refused again as it is: bad input, content policy, quota, auth. */
    public static final class Rejected extends VideoApiException {
        /** The code of a URL the bot refused to follow: it led to a private or internal address. */
        public static final String UNSAFE_ADDRESS = "unsafe_address";

        public Rejected(String message, int httpStatus, String code) {
            super(message, httpStatus, code, null);
        }

        /** The bot refused to connect where the API pointed it: a private or internal address (SSRF). */
        public boolean unsafeAddress() {
            return UNSAFE_ADDRESS.equals(code());
        }

        /** The task id is unknown to the API: the job is gone. */
        public boolean taskNotFound() {
            return "task_not_exist".equals(code());
        }

        /** The bot's own credentials are refused: an operator, not the user, must fix this. */
        public boolean credentialsRefused() {
            return httpStatus() == 401;
        }
    }

    /**
     * A create the API provably turned away because it is busy (429, or 503 with the gateway's own error body): it
     * started nothing and billed nothing, so the job may wait for capacity and be sent again, honouring
     * {@link #retryAfter()}. Only this answer to a create may ever lead to a second create request for one job.
     */
    public static final class Refused extends VideoApiException {
        private final Duration retryAfter;

        public Refused(String message, int httpStatus, String code, Duration retryAfter) {
            super(message, httpStatus, code, null);
            this.retryAfter = retryAfter;
        }

        /** How long the API asked us to wait, when it said. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** A passing failure (429, 5xx, network); the same request may succeed later. Nothing was created. */
    public static final class Transient extends VideoApiException {
        private final Duration retryAfter;

        public Transient(String message, int httpStatus, String code, Duration retryAfter, Throwable cause) {
            super(message, httpStatus, code, cause);
            this.retryAfter = retryAfter;
        }

        /** How long the API asked us to wait, when it said. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** A create request that may or may not have reached the API and may have been billed. Never resend it. */
    public static final class OutcomeUnknown extends VideoApiException {
        public OutcomeUnknown(String message, int httpStatus, Throwable cause) {
            super(message, httpStatus, "", cause);
        }
    }
}
