package dev.reelbot.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a simulator counted, for tests: the counts are no part of the simulator's public surface. */
public final class SimulatorCounts {
    private SimulatorCounts() {
    }

    /** How many create requests reached the server, accepted or not. */
    public static int createRequests(ApiSimulator simulator) {
        return simulator.creates().requests();
    }

    /** How many create requests reached the server, by prompt. */
    public static Map<String, Integer> createRequestsByPrompt(ApiSimulator simulator) {
        return simulator.creates().statusesByPrompt().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
    }

    /** The statuses each prompt's create requests got, in order. */
    public static Map<String, List<Integer>> createStatusesByPrompt(ApiSimulator simulator) {
        return simulator.creates().statusesByPrompt();
    }

    /** How many creates the simulator accepted (each a billed job). */
    public static int acceptedCreates(ApiSimulator simulator) {
        return simulator.creates().accepted();
    }

    /** The prompts of the accepted creates, in the order they were accepted. */
    public static List<String> acceptedInOrder(ApiSimulator simulator) {
        return simulator.creates().acceptedInOrder();
    }

    /** How many creates it turned away as busy (429, or 503 with the gateway's body). */
    public static int refusedCreates(ApiSimulator simulator) {
        return simulator.creates().refused();
    }

    /**
     * Whether every prompt was accepted at most once and sent again only after a refusal: no job billed twice, no
     * create resent after an answer that was not a provable refusal.
     */
    public static boolean sentAtMostOnceBeyondRefusals(ApiSimulator simulator) {
        return simulator.creates().acceptedTwice() == 0 && simulator.creates().resentAfterNonRefusal() == 0;
    }

    /** A job the simulator accepted: what it was billed for. */
    public record AcceptedJob(String prompt, String model, int seconds) {
    }

    /** Every job the simulator accepted, from its own record. */
    public static List<AcceptedJob> acceptedJobs(ApiSimulator simulator) {
        return simulator.acceptedJobs().stream()
                .map(job -> new AcceptedJob(job.prompt(), job.model(), Integer.parseInt(job.seconds()))).toList();
    }

    /** How many jobs the simulator accepted. */
    public static int jobCount(ApiSimulator simulator) {
        return simulator.jobCount();
    }
}
