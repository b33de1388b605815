package dev.reelbot.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every well-formed create request the simulator answered, by prompt, with the status it got: what lets a test or
 * the bench prove, from the API's side, that each job was accepted exactly once and sent again only after a
 * refusal (429, or 503 with the gateway's error body, which this simulator always sends).
 *
 * <p>Threading: synchronized; Jetty's threads record, tests and {@code GET /_sim/creates} read.
 */
final class CreateLog {
    private final Map<String, List<Integer>> byPrompt = new LinkedHashMap<>();
    private final List<String> acceptedInOrder = new ArrayList<>();
    private int requests;
    private int accepted;
    private int refused;

    synchronized void record(String prompt, int status) {
        requests++;
        if (status == 200) {
            accepted++;
            acceptedInOrder.add(prompt == null ? "" : prompt);
        } else if (isRefusal(status)) {
            refused++;
        }
        byPrompt.computeIfAbsent(prompt == null ? "" : prompt, p -> new ArrayList<>()).add(status);
    }

    static boolean isRefusal(int status) {
        return status == 429 || status == 503;
    }

    synchronized int requests() {
        return requests;
    }

    synchronized int accepted() {
        return accepted;
    }

    synchronized int refused() {
        return refused;
    }

    /** The prompts of the accepted creates, in the order they were accepted. */
    synchronized List<String> acceptedInOrder() {
        return List.copyOf(acceptedInOrder);
    }

    /** The statuses each prompt's create requests got, in order. */
    synchronized Map<String, List<Integer>> statusesByPrompt() {
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        byPrompt.forEach((prompt, statuses) -> copy.put(prompt, List.copyOf(statuses)));
        return copy;
    }

    /** Prompts whose create was accepted more than once: a job billed twice. */
    synchronized long acceptedTwice() {
        return byPrompt.values().stream().filter(s -> s.stream().filter(code -> code == 200).count() > 1).count();
    }

    /** Prompts sent again after an answer that was not a refusal: a create resent when it must not have been. */
    synchronized long resentAfterNonRefusal() {
        return byPrompt.values().stream().filter(s -> {
            for (int i = 0; i < s.size() - 1; i++) {
                if (!isRefusal(s.get(i))) {
                    return true;
                }
            }
            return false;
        }).count();
    }

    /** The counts as JSON, for {@code GET /_sim/creates}. */
    synchronized String json() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("requests", requests);
        node.put("accepted", accepted);
        node.put("refused", refused);
        node.put("prompts", byPrompt.size());
        node.put("acceptedTwice", acceptedTwice());
        node.put("resentAfterNonRefusal", resentAfterNonRefusal());
        return node.toString();
    }
}
