package dev.reelbot.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Jobs ordered by when they next need a step: taking the due ones costs only as much as there are due, so one
 * scheduler serves thousands of jobs. Each job is in the queue at most once.
 *
 * <p>Threading: every method holds the queue's lock; {@link #schedule} for a job replaces its earlier time.
 */
final class DueQueue {
    private record Entry(Instant at, String jobId) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : jobId.compareTo(other.jobId);
        }
    }

    private final TreeSet<Entry> byTime = new TreeSet<>();
    private final Map<String, Entry> byJob = new HashMap<>();

    /** Sets when {@code jobId} is next due. */
    synchronized void schedule(String jobId, Instant at) {
        Entry previous = byJob.put(jobId, new Entry(at, jobId));
        if (previous != null) {
            byTime.remove(previous);
        }
        byTime.add(new Entry(at, jobId));
    }

    /** Brings {@code jobId} forward to {@code at} unless it is already due sooner. */
    synchronized void scheduleNoLaterThan(String jobId, Instant at) {
        Entry current = byJob.get(jobId);
        if (current == null || current.at().isAfter(at)) {
            schedule(jobId, at);
        }
    }

    /** Removes and returns every job due at or before {@code now}, earliest first. */
    synchronized List<String> takeDue(Instant now) {
        List<String> due = new ArrayList<>();
        while (!byTime.isEmpty() && !byTime.first().at().isAfter(now)) {
            Entry entry = byTime.pollFirst();
            byJob.remove(entry.jobId());
            due.add(entry.jobId());
        }
        return due;
    }

    synchronized void remove(String jobId) {
        Entry entry = byJob.remove(jobId);
        if (entry != null) {
            byTime.remove(entry);
        }
    }

    synchronized int size() {
        return byJob.size();
    }
}
