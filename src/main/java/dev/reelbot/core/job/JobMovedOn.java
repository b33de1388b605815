package dev.reelbot.core.job;

/**
 * A transition that no longer applies because another writer moved the job on first (it was polled, claimed or
 * resolved meanwhile): expected under overlapping steps, and the one failure {@link JobUpdates} treats as harmless.
 * Any other exception from a transition is a bug and is reported as one.
 */
final class JobMovedOn extends RuntimeException {
    JobMovedOn(String message) {
        super(message, null, false, false);
    }
}
