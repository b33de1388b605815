package dev.reelbot.discord;

import dev.reelbot.core.ChatException;
import java.time.Duration;

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

    /** A call that got no answer: network trouble, a timeout, an unreadable answer; worth trying again. */
    static DiscordFailure of(Exception error) {
        return new DiscordFailure(Kind.TRANSIENT, error.toString(), null, error);
    }

    /** A 429, or a bucket Discord said is empty: wait {@code retryAfter}. */
    static DiscordFailure rateLimited(String route, Duration retryAfter) {
        return new DiscordFailure(Kind.RATE_LIMITED, "rate limited on " + route + " for " + retryAfter, retryAfter,
                null);
    }

    /** Discord's refusal: the HTTP status and its JSON error body's {@code code} (0 when it had none). */
    static DiscordFailure ofAnswer(int status, int code, String message) {
        return new DiscordFailure(kindOf(status, code), "HTTP " + status + ", Discord code " + code + ": " + message,
                null, null);
    }

    private static Kind kindOf(int status, int code) {
        switch (code) {
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
        if (status == 413) {
            return Kind.TOO_LARGE;
        }
        return status >= 500 ? Kind.TRANSIENT : Kind.REFUSED;
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
