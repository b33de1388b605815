package dev.reelbot.simulator;

import java.util.Map;

/** What a simulator counted, for tests: the counts are no part of the simulator's public surface. */
public final class SimulatorCounts {
    private SimulatorCounts() {
    }

    /** How many create requests reached the server, accepted or not. */
    public static int createRequests(ApiSimulator simulator) {
        return simulator.createRequests();
    }

    /** How many create requests reached the server, by prompt: a prompt sent twice means a job submitted twice. */
    public static Map<String, Integer> createRequestsByPrompt(ApiSimulator simulator) {
        return simulator.createRequestsByPrompt();
    }

    /** How many jobs the simulator accepted. */
    public static int jobCount(ApiSimulator simulator) {
        return simulator.jobCount();
    }
}
