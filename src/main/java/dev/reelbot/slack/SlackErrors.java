package dev.reelbot.slack;

import com.slack.api.methods.SlackApiException;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.RetryAfter;
import java.io.IOException;
import java.time.Clock;
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
    private static final String SLOW_DOWN = "Slack asked the bot to slow down";
    private static final String TROUBLE = "Slack is having trouble";

    private SlackErrors() {
    }

    /** A Web API answer with {@code ok: false}. */
    static ChatException fromError(String method, String error) {
        String message = "Slack " + method + " failed: " + error;
        if ("ratelimited".equals(error)) {
            return failure(ChatException.Kind.RATE_LIMITED, message, DEFAULT_WAIT, null, SLOW_DOWN);
        }
        if ("message_not_found".equals(error)) {
            return failure(ChatException.Kind.MESSAGE_GONE, message, null, null, null);
        }
        if (NO_ACCESS.contains(error)) {
            return failure(ChatException.Kind.NO_ACCESS, message, null, null, noAccessInWords(error));
        }
        if (TRANSIENT.contains(error)) {
            return failure(ChatException.Kind.TRANSIENT, message, null, null, TROUBLE);
        }
        return failure(ChatException.Kind.REFUSED, message, null, null, "Slack refused it");
    }

    /** Why the bot may not post, as users can act on it. */
    private static String noAccessInWords(String error) {
        return switch (error) {
            case "not_in_channel" -> "the bot is not a member of that channel";
            case "channel_not_found" -> "the bot cannot see that channel (it may be private)";
            case "is_archived" -> "that channel is archived";
            case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                    "Slack does not accept the bot's token";
            case "cannot_dm_bot", "user_not_found" -> "the bot cannot send that user a message";
            default -> "the bot is not allowed to post there";
        };
    }

    private static ChatException failure(ChatException.Kind kind, String message, Duration wait, Throwable cause,
                                         String inWords) {
        return new ChatException(kind, message, wait, cause, true, inWords);
    }

    /** An HTTP failure: 429 with its {@code Retry-After}, 5xx, anything else refused. */
    static ChatException fromHttp(String method, SlackApiException e) {
        int code = e.getResponse().code();
        String message = "Slack " + method + " answered HTTP " + code;
        if (code == 429) {
            return failure(ChatException.Kind.RATE_LIMITED, message, retryAfter(e.getResponse().header("Retry-After")),
                    e, SLOW_DOWN);
        }
        if (code >= 500) {
            return failure(ChatException.Kind.TRANSIENT, message, null, e, TROUBLE);
        }
        return failure(ChatException.Kind.REFUSED, message, null, e, "Slack refused it");
    }

    static ChatException fromNetwork(String method, IOException e) {
        return failure(ChatException.Kind.TRANSIENT, "Slack " + method + " could not be reached: " + e.getMessage(),
                null, e, "Slack could not be reached");
    }

    /**
     * What Slack's {@code Retry-After} header asks for, at least a second; a second when it says nothing readable.
     * Also read by the upload's own transfer, which goes around the SDK.
     */
    static Duration retryAfter(String header) {
        Duration asked = RetryAfter.parse(header, Clock.systemUTC()).orElse(DEFAULT_WAIT);
        return asked.compareTo(DEFAULT_WAIT) < 0 ? DEFAULT_WAIT : asked;
    }
}
