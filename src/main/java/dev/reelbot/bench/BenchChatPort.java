package dev.reelbot.bench;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;
import java.time.Duration;
import dev.reelbot.core.text.Msg;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat platform for the benchmark that behaves like a real one where it costs: every call takes a while (the
 * calling thread waits, as with a real HTTP call) and the platform's rate limits apply ({@link ChatLimits}). It
 * writes what each job's message showed, and when, into its {@link JobTrace}.
 *
 * <p>Threading: thread-safe; called from the engine's workers (or the baseline's threads).
 */
final class BenchChatPort implements ChatPort {
    private final String platform;
    private final ChatLimits limits;
    private final Duration latency;
    private final Traces traces;
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong notices = new AtomicLong();
    /** Each job message's workspace (edits are budgeted by it) and the view it shows. */
    private final Map<String, String> workspaceOf = new ConcurrentHashMap<>();
    private final Map<String, JobView> shown = new ConcurrentHashMap<>();

    /**
     * @param latency how long each call takes on average (evenly from half to one and a half times it)
     */
    BenchChatPort(String platform, ChatLimits.Flavour flavour, Duration latency, Traces traces) {
        this.platform = platform;
        this.limits = new ChatLimits(flavour);
        this.latency = latency;
        this.traces = traces;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public MessageRef post(Conversation where, View view, PostKey key) throws ChatException {
        boolean isFinal = view instanceof JobView job && job.isFinal();
        try {
            limits.post(where.workspace(), where.channel());
        } catch (ChatException limited) {
            held(view, isFinal);
            throw limited;
        }
        takeAWhile();
        String id = "m" + ids.incrementAndGet();
        if (view instanceof JobView job) {
            workspaceOf.put(id, where.workspace());
            record(id, job, true);
        } else {
            notices.incrementAndGet();
        }
        return new MessageRef(platform, where.channel(), id);
    }

    @Override
    public void edit(MessageRef message, View view) throws ChatException {
        if (!(view instanceof JobView job)) {
            takeAWhile();
            return;
        }
        try {
            limits.edit(workspaceOf.getOrDefault(message.messageId(), ""), message.channel(), job.isFinal());
        } catch (ChatException limited) {
            held(view, job.isFinal());
            throw limited;
        }
        takeAWhile();
        record(message.messageId(), job, false);
    }

    private void held(View view, boolean isFinal) {
        if (isFinal && view instanceof JobView job) {
            traces.of(job.prompt()).markFinalHeld();
        }
    }

    private void record(String messageId, JobView view, boolean post) {
        JobView before = shown.put(messageId, view);
        traces.of(view.prompt()).shown(Traces.now(), post, view.equals(before), progressOf(view), view.isFinal());
    }

    /** The percentage a view's progress bar shows ("▓▓▓░░ 30%"), or -1 when it shows none. */
    static int progressOf(JobView view) {
        String bar = view.progressBar();
        if (bar == null || !bar.endsWith("%")) {
            return -1;
        }
        int start = bar.length() - 1;
        while (start > 0 && Character.isDigit(bar.charAt(start - 1))) {
            start--;
        }
        return start == bar.length() - 1 ? -1 : Integer.parseInt(bar.substring(start, bar.length() - 1));
    }

    /** A call's round trip: the calling thread waits, as it does for a real platform's answer. */
    private void takeAWhile() throws ChatException {
        long micros = latency.toNanos() / 1000;
        if (micros == 0) {
            return;
        }
        try {
            long wait = micros / 2 + ThreadLocalRandom.current().nextLong(micros + 1);
            Thread.sleep(wait / 1000, (int) (wait % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ChatException.Kind.TRANSIENT, "interrupted");
        }
    }

    @Override
    public Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException {
        takeAWhile();
        return Msg.of("upload.bytes", video.bytes());
    }

    @Override
    public void whisper(Requester to, String text) {
        // Private notes are not part of what the benchmark measures.
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return new Conversation(platform, requester.workspace(), "admin");
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return 100L << 20;
    }

    long notices() {
        return notices.get();
    }
}
