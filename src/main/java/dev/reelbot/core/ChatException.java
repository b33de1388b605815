package dev.reelbot.core;

import java.time.Duration;
import java.util.Optional;

/** A chat platform call failed; {@link #kind()} tells the engine what to do next. */
public final class ChatException extends Exception {

    /** How a chat call failed. */
    public enum Kind {
        /** Too many calls: try again after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The message no longer exists (someone deleted it): post a new one. */
        MESSAGE_GONE,
        /** The bot may not post there, and every fallback failed. */
        NO_ACCESS,
        /** A passing failure (network, 5xx): try again later. */
        TRANSIENT,
        /** The platform refused the call as made (invalid, not allowed): trying again will not help. */
        REFUSED,
        /** The file is larger than the platform takes here (Discord's 413, 40005): fit it smaller, or link it. */
        TOO_LARGE
    }

    private final Kind kind;
    private final transient Duration retryAfter;
    private final boolean fromPlatform;
    private final String inWords;

    public ChatException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        this(kind, message, retryAfter, cause, true);
    }

    /**
     * @param fromPlatform false when the adapter held the call back itself to stay within the platform's limits,
     *                     true when the platform refused it (a real 429)
     */
    public ChatException(Kind kind, String message, Duration retryAfter, Throwable cause, boolean fromPlatform) {
        this(kind, message, retryAfter, cause, fromPlatform, null);
    }

    /**
     * @param message the technical account (method, error code, status), for the log and the admins
     * @param inWords what went wrong in plain words for users ("the bot is not a member of that channel"), or
     *                {@code null} for the kind's general words
     */
    public ChatException(Kind kind, String message, Duration retryAfter, Throwable cause, boolean fromPlatform,
                         String inWords) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.fromPlatform = fromPlatform;
        this.inWords = inWords;
    }

    /** What went wrong in plain words, fit to show users (no error codes, no exception names). */
    public String inWords() {
        if (inWords != null) {
            return inWords;
        }
        return switch (kind) {
            case RATE_LIMITED -> "the chat platform asked the bot to slow down";
            case MESSAGE_GONE -> "the message was deleted";
            case NO_ACCESS -> "the bot may not post there";
            case TRANSIENT -> "the chat platform did not answer in time";
            case REFUSED -> "the chat platform refused it";
            case TOO_LARGE -> "the file is larger than the chat platform takes here";
        };
    }

    public ChatException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the platform itself refused the call (rather than the adapter holding it back). */
    public boolean fromPlatform() {
        return fromPlatform;
    }

    /** How long the platform asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
