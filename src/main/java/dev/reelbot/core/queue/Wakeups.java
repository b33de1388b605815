package dev.reelbot.core.queue;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** The jobs a pass wakes, once the queue's lock is released: those to send in the line's order, so they go in it. */
record Wakeups(Set<String> toSend, Set<String> toShow) {
    static final Wakeups NONE = new Wakeups(Set.of(), Set.of());

    Wakeups without(String jobId) {
        Set<String> send = new LinkedHashSet<>(toSend);
        send.remove(jobId);
        Set<String> show = new HashSet<>(toShow);
        show.remove(jobId);
        return new Wakeups(send, show);
    }

    void send(CapacityQueue.Wakes wakes) {
        toSend.forEach(wakes::toSend);
        toShow.forEach(wakes::toShow);
    }
}
