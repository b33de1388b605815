package dev.reelbot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.reelbot.core.ChatException;
import java.io.IOException;
import java.time.Duration;

/**
 * Every Slack Web API call goes through here: none goes out while a 429 has the workspace paused, a 429 (or a
 * {@code ratelimited} answer) pauses every call for its {@code Retry-After}, a failed call becomes the engine's
 * {@link ChatException}, and an answer missing a field the bot reads is a failed call like any other, never a
 * {@code NullPointerException}.
 *
 * <p>Threading: thread-safe; the pause lives in the shared {@link SlackThrottle}.
 */
final class SlackCalls {
    private final SlackThrottle throttle;

    SlackCalls(SlackThrottle throttle) {
        this.throttle = throttle;
    }

    /** A Web API call returning a response with {@code ok} and {@code error}. */
    @FunctionalInterface
    interface SlackCall<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** A call that may fail in Slack's own ways (an upload's several calls). */
    @FunctionalInterface
    interface RawCall<T> {
        T run() throws IOException, SlackApiException, ChatException;
    }

    <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) throws ChatException {
        T response = raw(method, call::run);
        if (!response.isOk()) {
            throw paused(SlackErrors.fromError(method, response.getError()));
        }
        return response;
    }

    /** Runs a call that is not one {@code ok}/{@code error} answer, with the same pause and error mapping. */
    <T> T raw(String method, RawCall<T> call) throws ChatException {
        checkNotPaused(throttle.paused(), method);
        try {
            return call.run();
        } catch (SlackApiException e) {
            throw paused(SlackErrors.fromHttp(method, e));
        } catch (IOException e) {
            throw SlackErrors.fromNetwork(method, e);
        } catch (ChatException e) {
            throw paused(e);
        }
    }

    /** Throws the bot's own hold-back when {@code wait} is not zero (a bucket empty, or the workspace paused). */
    static void checkNotPaused(Duration wait, String method) throws ChatException {
        if (!wait.isZero()) {
            throw new ChatException(ChatException.Kind.RATE_LIMITED, "holding back " + method + " to stay within "
                    + "Slack's rate limits", wait, null, false);
        }
    }

    /** A field the bot reads from an answer; its absence is a failed call (Slack sent something unexpected). */
    static <T> T required(T value, String method, String field) throws ChatException {
        if (value == null) {
            throw new ChatException(ChatException.Kind.TRANSIENT, "Slack " + method + " answered without "
                    + field);
        }
        return value;
    }

    /** Slack's own rate limit pauses every call of the workspace for its {@code Retry-After}. */
    private ChatException paused(ChatException e) {
        if (e.kind() == ChatException.Kind.RATE_LIMITED && e.fromPlatform()) {
            e.retryAfter().ifPresent(throttle::pause);
        }
        return e;
    }
}
