package dev.reelbot.testing;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;
import dev.reelbot.core.text.Msg;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat platform that records every call, for engine tests: what was posted and edited where, what was uploaded
 * (checked to be an MP4), what was whispered. Failures can be queued per method to test the engine's reactions.
 */
public final class RecordingChatPort implements ChatPort {
    public static final String ADMIN_CHANNEL = "C_ADMIN";

    /** One call: post, edit, upload, whisper or notice. */
    public record Event(String kind, String channel, String messageId, String text, View view) {
    }

    private final String platform;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, View> current = new HashMap<>();
    private final Map<String, Deque<ChatException>> failures = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, MessageRef> byKey = new HashMap<>();
    private boolean loseNextPostAnswer;
    private boolean loseNextUploadAnswer;
    private final Set<String> uploadedKeys = new HashSet<>();
    private final Set<String> refusedChannels = ConcurrentHashMap.newKeySet();
    private volatile long uploadLimit = Long.MAX_VALUE;
    private volatile boolean ready = true;
    private int callsWhileNotReady;
    private double failureRate;
    private SplittableRandom random = new SplittableRandom(1);
    private ChatException progressHold;

    public RecordingChatPort(String platform) {
        this.platform = platform;
    }

    /** The next call of {@code method} (post, edit, upload, whisper) throws {@code failure}. */
    public synchronized void failNext(String method, ChatException failure) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
    }

    /** From now on a share of all calls fail, half as a platform 429 (1 to 3 s) and half as a passing 5xx. */
    public synchronized void failRandomly(double rate, long seed) {
        failureRate = rate;
        random = new SplittableRandom(seed);
    }

    /**
     * From now on every edit to a view that is not final is turned away as rate limited, asking to wait
     * {@code retryAfter}: by the platform itself, or by the bot's own limiter keeping a reserve for final views.
     */
    public synchronized void holdProgressEdits(Duration retryAfter, boolean fromPlatform) {
        progressHold = new ChatException(ChatException.Kind.RATE_LIMITED, "progress edits held", retryAfter, null,
                fromPlatform);
    }

    /** Every post and whisper in {@code channel} fails as if the bot could reach the requester nowhere. */
    public void refuseChannel(String channel) {
        refusedChannels.add(channel);
    }

    /** Undoes {@link #refuseChannel}: the bot may post there again. */
    public void allowChannel(String channel) {
        refusedChannels.remove(channel);
    }

    public void setUploadLimit(long bytes) {
        uploadLimit = bytes;
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<Event> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** What a message shows now. */
    public synchronized View current(String messageId) {
        return current.get(messageId);
    }

    @Override
    public String platform() {
        return platform;
    }

    /** The next post reaches the platform, but its answer is lost (as when the bot dies right after posting). */
    public synchronized void loseNextPostAnswer() {
        loseNextPostAnswer = true;
    }

    /** The next upload reaches the platform, but its answer is lost (a timeout after the file went up). */
    public synchronized void loseNextUploadAnswer() {
        loseNextUploadAnswer = true;
    }

    /** A retried post whose key this platform already saw gets the first message back, as Discord's nonce does. */
    @Override
    public synchronized MessageRef post(Conversation where, View view, PostKey key) throws ChatException {
        failIfQueued("post");
        MessageRef earlier = byKey.get(key.value());
        if (key.maybeSent() && earlier != null) {
            return earlier;
        }
        refuseIfRefused(where.channel());
        MessageRef posted = record(where, view);
        byKey.put(key.value(), posted);
        if (loseNextPostAnswer) {
            loseNextPostAnswer = false;
            throw new ChatException(ChatException.Kind.TRANSIENT, "posted, but the answer was lost");
        }
        return posted;
    }

    private MessageRef record(Conversation where, View view) {
        String id = "m" + ids.incrementAndGet();
        events.add(new Event(view instanceof NoticeView ? "notice" : "post", where.channel(), id, view.plainText(),
                view));
        current.put(id, view);
        return new MessageRef(platform, where.channel(), id);
    }

    @Override
    public synchronized void edit(MessageRef message, View view) throws ChatException {
        failIfQueued("edit");
        if (progressHold != null && !(view instanceof JobView job && job.isFinal())) {
            throw progressHold;
        }
        if (!current.containsKey(message.messageId())) {
            throw new ChatException(ChatException.Kind.MESSAGE_GONE, "unknown message " + message.messageId());
        }
        events.add(new Event("edit", message.channel(), message.messageId(), view.plainText(), view));
        current.put(message.messageId(), view);
    }

    /** Simulates a user deleting a message. */
    public synchronized void delete(String messageId) {
        current.remove(messageId);
    }

    /** A retried upload whose key this platform already saw is the first one, as Discord's nonce makes it. */
    @Override
    public synchronized Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException {
        failIfQueued("upload");
        if (key.maybeSent() && uploadedKeys.contains(key.value())) {
            return Msg.of("upload.file", video.filename());
        }
        try (InputStream in = Files.newInputStream(video.file())) {
            byte[] head = in.readNBytes(8);
            String box = head.length == 8 ? new String(head, 4, 4, StandardCharsets.US_ASCII) : "";
            events.add(new Event("upload", message.channel(), message.messageId(), video.filename() + " " + box + " "
                    + Files.size(video.file()), null));
        } catch (IOException e) {
            throw new ChatException(ChatException.Kind.REFUSED, "file unreadable: " + e.getMessage());
        }
        uploadedKeys.add(key.value());
        if (loseNextUploadAnswer) {
            loseNextUploadAnswer = false;
            throw new ChatException(ChatException.Kind.TRANSIENT, "uploaded, but the answer was lost");
        }
        return Msg.of("upload.file", video.filename());
    }

    @Override
    public synchronized void whisper(Requester to, String text) throws ChatException {
        failIfQueued("whisper");
        refuseIfRefused(to.channel());
        events.add(new Event("whisper", to.channel(), to.user(), text, null));
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return new Conversation(platform, requester.workspace(), ADMIN_CHANNEL);
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return uploadLimit;
    }

    /** Whether the platform is connected: while not, every call fails as transient (and is counted). */
    public void setReady(boolean ready) {
        this.ready = ready;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    /** Calls made while the port said it was not ready. */
    public synchronized int callsWhileNotReady() {
        return callsWhileNotReady;
    }

    private void refuseIfRefused(String channel) throws ChatException {
        if (refusedChannels.contains(channel)) {
            throw new ChatException(ChatException.Kind.NO_ACCESS, "the channel and the DM both refused");
        }
    }

    private void failIfQueued(String method) throws ChatException {
        if (!ready) {
            callsWhileNotReady++;
            throw new ChatException(ChatException.Kind.TRANSIENT, method + ": not connected yet");
        }
        Deque<ChatException> queued = failures.get(method);
        if (queued != null && !queued.isEmpty()) {
            throw queued.poll();
        }
        if (failureRate > 0 && random.nextDouble() < failureRate) {
            throw random.nextBoolean()
                    ? new ChatException(ChatException.Kind.RATE_LIMITED, method + ": 429",
                            Duration.ofSeconds(1 + random.nextInt(3)), null)
                    : new ChatException(ChatException.Kind.TRANSIENT, method + ": 502 from the platform");
        }
    }
}
