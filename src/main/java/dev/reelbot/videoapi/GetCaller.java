package dev.reelbot.videoapi;

import dev.reelbot.core.VideoApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs idempotent GETs with a few quick retries (backoff with jitter, {@code Retry-After} honoured) and hands
 * anything still failing back as a classified {@link VideoApiException}.
 *
 * <p>Threading: stateless between calls; blocks the calling thread while it waits between attempts.
 */
final class GetCaller {
    private final GetRetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;

    GetCaller(GetRetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Executes {@code request}; returns an open 2xx response the caller must close (for a download, a redirect too:
     * the caller checks where it leads before following it).
     */
    Response execute(Call.Factory calls, Request request, Failures.Route route) throws VideoApiException {
        for (int attempt = 1; ; attempt++) {
            VideoApiException failure;
            try {
                Response response = calls.newCall(request).execute();
                if (response.isSuccessful() || route == Failures.Route.DOWNLOAD && response.isRedirect()) {
                    return response;
                }
                try (response) {
                    failure = Failures.fromResponse(route, response.code(), ResponseText.readForError(response.body()),
                            response.header("Retry-After"), clock);
                }
            } catch (IOException e) {
                failure = Failures.fromIOException(route, e, true);
            }
            if (!(failure instanceof VideoApiException.Transient transientFailure) || attempt >= policy.attempts()) {
                throw failure;
            }
            Duration wait = transientFailure.retryAfter().orElse(policy.backoff(attempt, random.getAsDouble()));
            if (wait.compareTo(policy.maxRetryAfterWait()) > 0) {
                throw failure;
            }
            pause(wait, failure);
        }
    }

    private void pause(Duration wait, VideoApiException failure) throws VideoApiException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
