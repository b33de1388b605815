package dev.reelbot.bench;

import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;
import dev.reelbot.core.text.Msg;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat platform that only counts, for the benchmark: posts, edits (and edits that changed nothing visible),
 * notices, and when each job's final view was shown.
 *
 * <p>Threading: thread-safe; called from the engine's workers.
 */
final class BenchChatPort implements ChatPort {
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong edits = new AtomicLong();
    private final AtomicLong invisibleEdits = new AtomicLong();
    private final AtomicLong notices = new AtomicLong();
    private final Map<String, JobView> shown = new ConcurrentHashMap<>();
    private final Map<String, Long> finalShownNanos = new ConcurrentHashMap<>();

    @Override
    public String platform() {
        return "bench";
    }

    @Override
    public MessageRef post(Conversation where, View view, PostKey key) {
        String id = "m" + ids.incrementAndGet();
        if (view instanceof JobView job) {
            posts.incrementAndGet();
            record(id, job);
        } else {
            notices.incrementAndGet();
        }
        return new MessageRef("bench", where.channel(), id);
    }

    @Override
    public void edit(MessageRef message, View view) {
        if (view instanceof JobView job) {
            edits.incrementAndGet();
            if (view.equals(shown.get(message.messageId()))) {
                invisibleEdits.incrementAndGet();
            }
            record(message.messageId(), job);
        }
    }

    private void record(String messageId, JobView view) {
        shown.put(messageId, view);
        if (view.isFinal()) {
            finalShownNanos.putIfAbsent(view.jobId(), System.nanoTime());
        }
    }

    @Override
    public Msg upload(MessageRef message, VideoFile video, PostKey key) {
        return Msg.of("upload.bytes", video.bytes());
    }

    @Override
    public void whisper(Requester to, String text) {
        // Private notes are not part of what the benchmark measures.
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return new Conversation("bench", "bench", "admin");
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return 100L << 20;
    }

    long posts() {
        return posts.get();
    }

    long edits() {
        return edits.get();
    }

    long invisibleEdits() {
        return invisibleEdits.get();
    }

    /** Messages whose latest view is not final. */
    long inProgress() {
        return shown.values().stream().filter(view -> !view.isFinal()).count();
    }

    long notices() {
        return notices.get();
    }

    /** When each job's final view was first shown, by job id (System.nanoTime). */
    Map<String, Long> finalShownNanos() {
        return finalShownNanos;
    }
}
