package dev.reelbot.core.queue;

import dev.reelbot.core.render.WaitingPlace;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The jobs a pass wakes, once the queue's lock is released: those to send in the line's order, so they go in it. */
record Wakeups(Set<String> toSend, Set<String> toShow) {
    static final Wakeups NONE = new Wakeups(Set.of(), Set.of());

    /** The jobs given a turn, to send; the jobs whose place differs from {@code before}, to show it. */
    static Wakeups of(Set<String> newTurns, Map<String, WaitingPlace> before, Map<String, WaitingPlace> after) {
        Set<String> moved = new HashSet<>();
        after.forEach((id, place) -> {
            if (!place.equals(before.get(id))) {
                moved.add(id);
            }
        });
        return new Wakeups(newTurns, moved);
    }

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
