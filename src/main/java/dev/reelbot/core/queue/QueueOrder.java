package dev.reelbot.core.queue;

import dev.reelbot.core.job.QueueEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which jobs waiting to be sent get their turn: jobs an admin bumped first (the latest bump at the
 * very front), then round-robin between requesters (everyone's first waiting job before anyone's second, each
 * rank in the order the jobs came), first-in first-out within a requester. So one person's ten jobs never hold
 * back everyone else's first. Derived from the rows alone, so any process reading the store finds the same line.
 */
final class QueueOrder {
    private QueueOrder() {
    }

    /** The entries (all unsent) in the order they go. */
    static List<QueueEntry> of(List<QueueEntry> unsent) {
        List<QueueEntry> bumped = new ArrayList<>();
        List<QueueEntry> rest = new ArrayList<>();
        for (QueueEntry entry : unsent) {
            (entry.bumpedAt() != null ? bumped : rest).add(entry);
        }
        bumped.sort(Comparator.comparing(QueueEntry::bumpedAt).reversed().thenComparing(QueueEntry::jobId));
        rest.sort(Comparator.comparing(QueueEntry::createdAt).thenComparing(QueueEntry::jobId));
        Map<String, Integer> taken = new HashMap<>();
        List<Ranked> ranked = new ArrayList<>(rest.size());
        for (QueueEntry entry : rest) {
            ranked.add(new Ranked(entry, taken.merge(entry.requester(), 1, Integer::sum)));
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank).thenComparing(r -> r.entry().createdAt(),
                Comparator.<Instant>naturalOrder()).thenComparing(r -> r.entry().jobId()));
        List<QueueEntry> line = new ArrayList<>(bumped);
        ranked.forEach(r -> line.add(r.entry()));
        return line;
    }

    /** An entry and its rank among its requester's waiting jobs (1: their oldest). */
    private record Ranked(QueueEntry entry, int rank) {
    }
}
