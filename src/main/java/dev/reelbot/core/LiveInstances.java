package dev.reelbot.core;

/**
 * How many instances share the chat platforms' budgets right now (1 for a bot alone on its store): the instances'
 * heartbeat writes it, the adapters' throttles divide the workspace and channel budgets by it, so three instances
 * do not send three times the edits a workspace allows.
 *
 * <p>Threading: written by the heartbeat, read by any thread; the count is volatile.
 */
public final class LiveInstances {
    private volatile int count = 1;

    /** The live instances, this one included; at least 1. */
    public int count() {
        return count;
    }

    /** Records how many instances the last heartbeat found alive. */
    public void set(int live) {
        count = Math.max(1, live);
    }
}
