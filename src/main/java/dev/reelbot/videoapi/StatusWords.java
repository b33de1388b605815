package dev.reelbot.videoapi;

import dev.reelbot.core.TaskPhase;
import java.util.Locale;
import java.util.Map;

/** Maps every status word gateways are known to send onto a {@link TaskPhase}; unknown words mean "running". */
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

    private StatusWords() {
    }

    static TaskPhase phaseOf(String status) {
        if (status == null) {
            return TaskPhase.RUNNING;
        }
        String word = status.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return KNOWN.getOrDefault(word, TaskPhase.RUNNING);
    }
}
