package dev.reelbot.core.queue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The queue's wake-ups as a test sees them: the jobs woken to send, in order; those woken to show are ignored. */
final class RecordingWakes implements CapacityQueue.Wakes {
    final BlockingQueue<String> toSend = new LinkedBlockingQueue<>();

    @Override
    public void toSend(String jobId) {
        toSend.add(jobId);
    }

    @Override
    public void toShow(String jobId) {
    }
}
