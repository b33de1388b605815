package dev.reelbot.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Jobs ordered by when they next need a step, in two lanes: <em>urgent</em> steps (a new job, a poll expected to
 * find the job finished, a delivery, a notice, a wake-up) and <em>routine</em> ones (progress polls of a job not
 * known to be about to finish), which may wait while the workers are busy. Taking the due ones costs only as much
 * as there are due, so one scheduler serves thousands of jobs. Each job is in the queue at most once, in one lane.
 *
 * <p>Threading: every method holds the queue's lock; {@link #schedule} for a job replaces its earlier time and lane.
 */
final class DueQueue {
    /** Due at {@code at}; jobs due at the same instant go in the order they were scheduled ({@code seq}). */
    private record Entry(Instant at, long seq, String jobId, boolean routine) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    private final TreeSet<Entry> urgent = new TreeSet<>();
    private final TreeSet<Entry> routine = new TreeSet<>();
    private final Map<String, Entry> byJob = new HashMap<>();
    private long scheduled;

    /** Sets when {@code jobId} is next due, as an urgent step. */
    synchronized void schedule(String jobId, Instant at) {
        schedule(jobId, at, false);
    }

    /** Sets when {@code jobId} is next due, and in which lane. */
    synchronized void schedule(String jobId, Instant at, boolean isRoutine) {
        remove(jobId);
        Entry entry = new Entry(at, scheduled++, jobId, isRoutine);
        byJob.put(jobId, entry);
        lane(entry).add(entry);
    }

    /** Brings {@code jobId} forward to {@code at} unless it is already due sooner; either way it becomes urgent. */
    synchronized void scheduleNoLaterThan(String jobId, Instant at) {
        Entry current = byJob.get(jobId);
        schedule(jobId, current != null && current.at().isBefore(at) ? current.at() : at, false);
    }

    /** Removes and returns every urgent job due at or before {@code now}, earliest first. */
    synchronized List<String> takeDue(Instant now) {
        List<String> due = new ArrayList<>();
        while (!urgent.isEmpty() && !urgent.first().at().isAfter(now)) {
            due.add(take(urgent));
        }
        return due;
    }

    /** Removes and returns the routine job due longest at or before {@code now}, or {@code null} when none is. */
    synchronized String takeDueRoutine(Instant now) {
        return !routine.isEmpty() && !routine.first().at().isAfter(now) ? take(routine) : null;
    }

    synchronized void remove(String jobId) {
        Entry entry = byJob.remove(jobId);
        if (entry != null) {
            lane(entry).remove(entry);
        }
    }

    synchronized int size() {
        return byJob.size();
    }

    private String take(TreeSet<Entry> lane) {
        Entry entry = lane.pollFirst();
        byJob.remove(entry.jobId());
        return entry.jobId();
    }

    private TreeSet<Entry> lane(Entry entry) {
        return entry.routine() ? routine : urgent;
    }
}
