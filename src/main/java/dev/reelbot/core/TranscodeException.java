package dev.reelbot.core;

/**
 * A transcode (or poster frame) that could not be made: the message says why in plain words, the detail (the
 * tool's own last lines) is for the log.
 */
public final class TranscodeException extends Exception {
    private final String detail;

    public TranscodeException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    public TranscodeException(String message, String detail) {
        this(message, detail, null);
    }

    /** The tool's own words, or {@code null}. */
    public String detail() {
        return detail;
    }
}
