package dev.reelbot.slack;

import com.slack.api.methods.SlackApiException;
import dev.reelbot.core.ChatException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/** Sorts Slack's failures into the engine's {@link ChatException} kinds. */
final class SlackErrors {
    /** The bot may not post there: the channel is private, gone, archived, or the app lacks a scope. */
    static final Set<String> NO_ACCESS = Set.of("not_in_channel", "channel_not_found", "is_archived",
            "restricted_action", "missing_scope", "team_access_not_granted", "access_denied", "invalid_auth",
            "account_inactive", "token_revoked", "not_authed", "cannot_dm_bot", "user_not_found");
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "timeout");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private SlackErrors() {
    }

    /** A Web API answer with {@code ok: false}. */
    static ChatException fromError(String method, String error) {
        String message = "Slack " + method + " failed: " + error;
        if ("ratelimited".equals(error)) {
            return new ChatException(ChatException.Kind.RATE_LIMITED, message, DEFAULT_WAIT, null);
        }
        if ("message_not_found".equals(error)) {
            return new ChatException(ChatException.Kind.MESSAGE_GONE, message);
        }
        if (NO_ACCESS.contains(error)) {
            return new ChatException(ChatException.Kind.NO_ACCESS, message);
        }
        if (TRANSIENT.contains(error)) {
            return new ChatException(ChatException.Kind.TRANSIENT, message);
        }
        return new ChatException(ChatException.Kind.REFUSED, message);
    }

    /** An HTTP failure: 429 with its {@code Retry-After}, 5xx, anything else refused. */
    static ChatException fromHttp(String method, SlackApiException e) {
        int code = e.getResponse().code();
        String message = "Slack " + method + " answered HTTP " + code;
        if (code == 429) {
            return new ChatException(ChatException.Kind.RATE_LIMITED, message, retryAfter(e), e);
        }
        if (code >= 500) {
            return new ChatException(ChatException.Kind.TRANSIENT, message, null, e);
        }
        return new ChatException(ChatException.Kind.REFUSED, message, null, e);
    }

    static ChatException fromNetwork(String method, IOException e) {
        return new ChatException(ChatException.Kind.TRANSIENT, "Slack " + method + " could not be reached: "
                + e.getMessage(), null, e);
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? DEFAULT_WAIT : Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException garbage) {
            return DEFAULT_WAIT;
        }
    }
}
