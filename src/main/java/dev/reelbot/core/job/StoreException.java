package dev.reelbot.core.job;

/** The job store failed (disk, database); the step that met it is retried later, nothing is assumed. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
