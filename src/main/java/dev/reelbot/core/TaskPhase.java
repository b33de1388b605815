package dev.reelbot.core;

/** Where the API says a task is; every status word the API may send maps to one of these. */
public enum TaskPhase {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
