package dev.reelbot.core.queue;

import dev.reelbot.core.job.QueueEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * About how long each waiting job waits before it is sent: plays the line forward, each job in flight ending after
 * its model's recent run time, each waiting job starting, in its order, as soon as the limits (jobs in flight, and
 * per requester) let it. Pure; a model that never finished a job recently takes the average of those that did, and
 * with no run time known at all nothing is estimated.
 */
final class WaitEstimate {
    /** Beyond this many waiting jobs the play costs more than the estimates are worth. */
    static final int MOST_ESTIMATED = 2000;

    private WaitEstimate() {
    }

    /** One job in flight or about to be: its requester and when it should end. */
    private record Slot(Instant end, String requester) {
    }

    /**
     * @param inFlight   jobs at the API (and those about to be sent, with a {@code null} submittedAt)
     * @param line       the waiting jobs, in the order they go
     * @param limit      jobs in flight at once ({@link Integer#MAX_VALUE}: no limit)
     * @param perUser    jobs in flight at once per requester
     * @param runTimes   recent run time by model
     * @param startsFrom nothing is sent before this (a busy API asked to wait), or {@code now}
     * @return the wait of each waiting job it could estimate, by job id
     */
    static Map<String, Duration> of(List<QueueEntry> inFlight, List<QueueEntry> line, int limit, int perUser,
                                    Map<String, Duration> runTimes, Instant startsFrom, Instant now) {
        Duration fallback = runTimes.values().stream().reduce(Duration::plus)
                .map(total -> total.dividedBy(runTimes.size())).orElse(null);
        if (fallback == null || line.isEmpty()) {
            return Map.of();
        }
        PriorityQueue<Slot> running = new PriorityQueue<>((a, b) -> a.end().compareTo(b.end()));
        Map<String, Integer> perRequester = new HashMap<>();
        for (QueueEntry job : inFlight) {
            Duration run = runTimes.getOrDefault(job.model(), fallback);
            Instant started = job.submittedAt() != null ? job.submittedAt() : now;
            Instant end = latest(started.plus(run), now.plus(run.dividedBy(10)));
            running.add(new Slot(end, job.requester()));
            perRequester.merge(job.requester(), 1, Integer::sum);
        }
        LinkedList<QueueEntry> waiting = new LinkedList<>(line.subList(0, Math.min(line.size(), MOST_ESTIMATED)));
        Map<String, Duration> waits = new HashMap<>();
        Instant t = latest(startsFrom, now);
        while (!waiting.isEmpty()) {
            for (Iterator<QueueEntry> it = waiting.iterator(); it.hasNext() && running.size() < limit; ) {
                QueueEntry job = it.next();
                if (perRequester.getOrDefault(job.requester(), 0) < perUser) {
                    waits.put(job.jobId(), Duration.between(now, t));
                    running.add(new Slot(t.plus(runTimes.getOrDefault(job.model(), fallback)), job.requester()));
                    perRequester.merge(job.requester(), 1, Integer::sum);
                    it.remove();
                }
            }
            if (waiting.isEmpty() || running.isEmpty()) {
                break;
            }
            Slot ended = running.poll();
            t = latest(t, ended.end());
            perRequester.merge(ended.requester(), -1, Integer::sum);
        }
        return waits;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
