package dev.reelbot.discord;

import dev.reelbot.core.ChatException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.Response;

/**
 * A failed Discord call, sorted by what the caller can do about it: Discord's JSON error code first (it is more
 * precise than the HTTP status), then the status. Each caller then picks the {@link ChatException} kind that
 * fits its own situation (a missing permission means "post elsewhere" to a post, "message gone" to an edit).
 */
final class DiscordFailure extends Exception {
    /** What went wrong, as far as the adapter cares. */
    enum Kind {
        /** 10008 Unknown Message: someone deleted it. */
        UNKNOWN_MESSAGE,
        /** 10003 Unknown Channel: deleted, or never visible to the bot. */
        UNKNOWN_CHANNEL,
        /** 50001 Missing Access: the bot cannot see the channel. */
        MISSING_ACCESS,
        /** 50013 Missing Permissions: the bot sees the channel but may not do this there. */
        MISSING_PERMISSIONS,
        /** 50007 Cannot send messages to this user: DMs closed or no shared server. */
        CANNOT_DM,
        /** 40005 or HTTP 413: the request (the file) is too large. */
        TOO_LARGE,
        /** HTTP 429: wait {@link #retryAfter()}. */
        RATE_LIMITED,
        /** Network trouble or a 5xx: try again later. */
        TRANSIENT,
        /** Any other refusal: trying again will not help. */
        REFUSED
    }

    static final int UNKNOWN_CHANNEL = 10003;
    static final int UNKNOWN_MESSAGE = 10008;
    static final int REQUEST_TOO_LARGE = 40005;
    static final int MISSING_ACCESS = 50001;
    static final int CANNOT_DM = 50007;
    static final int MISSING_PERMISSIONS = 50013;

    private final Kind kind;
    private final transient Duration retryAfter;

    DiscordFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** Classifies whatever a JDA call threw. */
    static DiscordFailure of(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof RateLimitedException limited) {
            return new DiscordFailure(Kind.RATE_LIMITED, "rate limited on " + limited.getRateLimitedRoute(),
                    Duration.ofMillis(Math.max(0, limited.getRetryAfter())), e);
        }
        if (e instanceof ErrorResponseException response) {
            return new DiscordFailure(kindOf(response), describe(response), null, e);
        }
        // Timeouts, a stopped requester, an interrupted call: nothing says it would fail again.
        return new DiscordFailure(Kind.TRANSIENT, e.toString(), null, e);
    }

    private static Kind kindOf(ErrorResponseException e) {
        Response response = e.getResponse();
        if (response == null || response.getException() != null) {
            return Kind.TRANSIENT;
        }
        switch (e.getErrorCode()) {
            case UNKNOWN_MESSAGE:
                return Kind.UNKNOWN_MESSAGE;
            case UNKNOWN_CHANNEL:
                return Kind.UNKNOWN_CHANNEL;
            case MISSING_ACCESS:
                return Kind.MISSING_ACCESS;
            case MISSING_PERMISSIONS:
                return Kind.MISSING_PERMISSIONS;
            case CANNOT_DM:
                return Kind.CANNOT_DM;
            case REQUEST_TOO_LARGE:
                return Kind.TOO_LARGE;
            default:
                break;
        }
        int status = response.code;
        if (status == 413) {
            return Kind.TOO_LARGE;
        }
        return status >= 500 || status < 0 ? Kind.TRANSIENT : Kind.REFUSED;
    }

    private static String describe(ErrorResponseException e) {
        Response response = e.getResponse();
        String status = response == null ? "no response" : "HTTP " + response.code;
        return status + ", Discord code " + e.getErrorCode() + ": " + e.getMeaning();
    }

    Kind kind() {
        return kind;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    boolean is(Kind... kinds) {
        for (Kind k : kinds) {
            if (kind == k) {
                return true;
            }
        }
        return false;
    }

    /** The engine's reading of this failure when the caller has no better one. */
    ChatException toChat() {
        return switch (kind) {
            case UNKNOWN_MESSAGE -> toChat(ChatException.Kind.MESSAGE_GONE);
            case UNKNOWN_CHANNEL, MISSING_ACCESS, MISSING_PERMISSIONS, CANNOT_DM ->
                    toChat(ChatException.Kind.NO_ACCESS);
            case RATE_LIMITED -> toChat(ChatException.Kind.RATE_LIMITED);
            case TRANSIENT -> toChat(ChatException.Kind.TRANSIENT);
            case TOO_LARGE -> toChat(ChatException.Kind.TOO_LARGE);
            case REFUSED -> toChat(ChatException.Kind.REFUSED);
        };
    }

    /** This failure as the engine should read it here. */
    ChatException toChat(ChatException.Kind as) {
        return new ChatException(as, getMessage(), retryAfter, this);
    }
}
