package dev.reelbot.videoapi;

import dev.reelbot.core.TaskPhase;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps every status word gateways are known to send (and those an operator added, {@code video-api.status-words})
 * onto a {@link TaskPhase}; unknown words mean "running", and {@link #knows} tells them apart.
 */
final class StatusWords {

    private static final Map<String, TaskPhase> KNOWN = Map.ofEntries(
            Map.entry("queued", TaskPhase.QUEUED),
            Map.entry("pending", TaskPhase.QUEUED),
            Map.entry("submitted", TaskPhase.QUEUED),
            Map.entry("not_start", TaskPhase.QUEUED),
            Map.entry("in_progress", TaskPhase.RUNNING),
            Map.entry("processing", TaskPhase.RUNNING),
            Map.entry("running", TaskPhase.RUNNING),
            Map.entry("completed", TaskPhase.COMPLETED),
            Map.entry("complete", TaskPhase.COMPLETED),
            Map.entry("succeeded", TaskPhase.COMPLETED),
            Map.entry("success", TaskPhase.COMPLETED),
            Map.entry("failed", TaskPhase.FAILED),
            Map.entry("failure", TaskPhase.FAILED),
            Map.entry("error", TaskPhase.FAILED),
            Map.entry("cancelled", TaskPhase.FAILED),
            Map.entry("canceled", TaskPhase.FAILED));
    /** The words gateways are known to send; declared after them, which it copies. */
    static final StatusWords BUILT_IN = new StatusWords(Map.of());

    private final Map<String, TaskPhase> words = new HashMap<>(KNOWN);

    /** @param added words this installation's gateway sends, by what they mean (they win over built-in ones) */
    StatusWords(Map<String, TaskPhase> added) {
        added.forEach((word, phase) -> words.put(normal(word), phase));
    }

    TaskPhase phaseOf(String status) {
        return status == null ? TaskPhase.RUNNING : words.getOrDefault(normal(status), TaskPhase.RUNNING);
    }

    /** Whether the word is one this client understands; no word at all (progress alone) counts as understood. */
    boolean knows(String status) {
        return status == null || status.isBlank() || words.containsKey(normal(status));
    }

    private static String normal(String word) {
        return word.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
