package dev.reelbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
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
import dev.reelbot.core.text.HumanFormat;
import dev.reelbot.core.text.Msg;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack as a chat platform: progress in a real channel message ({@code chat.postMessage}, then {@code chat.update}
 * by channel + ts), the video uploaded in three streamed steps ({@link SlackUpload}), private notes as ephemeral
 * messages. When the bot may not post in a channel, the job's messages go to a DM with the requester, who is told
 * how to fix it.
 *
 * <p>Threading: thread-safe; called from the engine's workers, it blocks on Slack's Web API. Rate limits are kept
 * by {@link SlackThrottle}: an empty bucket becomes a {@code RATE_LIMITED} the engine retries later.
 */
public final class SlackChatPort implements ChatPort {
    public static final String PLATFORM = "slack";
    private static final Logger log = LoggerFactory.getLogger(SlackChatPort.class);

    private final MethodsClient client;
    private final SlackSettings settings;
    private final SlackThrottle throttle;
    private final SlackCalls calls;
    private final SlackHistory history;
    private final SlackUpload uploads;
    /** Channels that refused the bot's last post there (not invited, private, archived): their jobs go to DMs. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Told the requester of a job whose final view was just shown (the App Home refreshes). */
    private volatile Consumer<String> jobEnded = user -> { };

    SlackChatPort(MethodsClient client, OkHttpClient http, SlackSettings settings, SlackThrottle throttle) {
        this.client = client;
        this.settings = settings;
        this.throttle = throttle;
        this.calls = new SlackCalls(throttle);
        this.history = new SlackHistory(client, calls);
        this.uploads = new SlackUpload(client, http, calls);
    }

    /** Who is told when a job's final view has been shown: its requester's user id. */
    void onJobEnded(Consumer<String> listener) {
        this.jobEnded = listener;
    }

    private void shown(View view) {
        if (view instanceof JobView job && job.isFinal()) {
            jobEnded.accept(job.requester());
        }
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /**
     * Posts the message with the key in its metadata; when an earlier attempt may have posted it, looks for that
     * message first (in the channel, and for a job in the requester's DM) and returns it instead of posting again.
     */
    @Override
    public MessageRef post(Conversation where, View view, PostKey key) throws ChatException {
        if (key.maybeSent()) {
            Optional<MessageRef> earlier = history.find(where.channel(), key.value());
            if (earlier.isEmpty() && view instanceof JobView job) {
                earlier = findInDm(job.requester(), key);
            }
            if (earlier.isPresent()) {
                log.info("found the message of an earlier attempt ({}); not posting it again", key.value());
                return earlier.get();
            }
        }
        try {
            MessageRef posted = postIn(where.channel(), view, key);
            refused.remove(where.channel());
            return posted;
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.NO_ACCESS || !(view instanceof JobView job)) {
                throw e;
            }
            refused.add(where.channel());
            return postInDm(where, job, key, e);
        }
    }

    /** An earlier attempt may have gone to the requester's DM, when the channel refused the bot. */
    private Optional<MessageRef> findInDm(String user, PostKey key) throws ChatException {
        return history.find(openDm(user), key.value());
    }

    private MessageRef postIn(String channel, View view, PostKey key) throws ChatException {
        SlackCalls.checkNotPaused(throttle.post(channel), "chat.postMessage");
        ChatPostMessageResponse response = withoutPosterIfRefused(SlackViews.of(view), message -> calls.call(
                "chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).text(message.text())
                        .blocks(message.blocks()).linkNames(false).unfurlLinks(false).unfurlMedia(false)
                        .metadata(SlackHistory.metadata(key.value())))));
        MessageRef posted = new MessageRef(PLATFORM, SlackCalls.required(response.getChannel(), "chat.postMessage",
                "channel"), SlackCalls.required(response.getTs(), "chat.postMessage", "ts"));
        shown(view);
        return posted;
    }

    /** The channel refused the bot: carry the job in a DM with its requester, and tell them how to fix it. */
    private MessageRef postInDm(Conversation where, JobView job, PostKey key, ChatException refusal)
            throws ChatException {
        String dm = openDm(job.requester());
        log.warn("job={} cannot post in {} ({}); using a DM with {}", job.jobId(), where.channel(),
                refusal.getMessage(), job.requester());
        String note = job.texts().get("slack.not-in-channel", channelMention(where.channel()),
                SlackText.escape(refusal.inWords()));
        calls.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(dm).text(note).linkNames(false)));
        return postIn(dm, job, key);
    }

    @Override
    public void edit(MessageRef message, View view) throws ChatException {
        boolean isFinal = view instanceof NoticeView || ((JobView) view).isFinal();
        SlackCalls.checkNotPaused(throttle.update(isFinal), "chat.update");
        try {
            withoutPosterIfRefused(SlackViews.of(view), rendered -> calls.call("chat.update", () -> client.chatUpdate(
                    r -> r.channel(message.channel()).ts(message.messageId()).text(rendered.text())
                            .blocks(rendered.blocks()).linkNames(false))));
            shown(view);
        } catch (ChatException e) {
            if (e.kind() == ChatException.Kind.NO_ACCESS) {
                // The bot lost the channel (removed, archived): this message can no longer show the job; the
                // engine posts anew, and a post falls back to a DM with the requester.
                throw new ChatException(ChatException.Kind.MESSAGE_GONE, e.getMessage(), null, e);
            }
            throw e;
        }
    }

    /**
     * Uploads in three streamed steps ({@link SlackUpload}). When an earlier attempt may have uploaded it already
     * (its answer lost), looks for the file by its name (which carries the job id) first, and uploads nothing twice.
     */
    @Override
    public Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException {
        String thread = settings.uploadInThread() ? message.messageId() : null;
        if (key.maybeSent() && history.hasFile(message.channel(), thread, video.filename())) {
            log.info("found the upload of an earlier attempt ({}); not uploading it again", video.filename());
            return Msg.of("upload.slack");
        }
        String title = SlackText.escape(video.title());
        uploads.upload(message.channel(), thread, video, title, "🎬 " + title);
        return Msg.of("upload.slack.size", HumanFormat.bytes(video.bytes()));
    }

    /** Sends one rendering of a message. */
    @FunctionalInterface
    private interface Send<T> {
        T send(SlackViews.Message message) throws ChatException;
    }

    /**
     * Sends the message; when Slack refuses one that shows a poster frame (it must download the image itself, and
     * answers {@code invalid_blocks} when it cannot), sends it again without the image: the link is what matters.
     */
    private static <T> T withoutPosterIfRefused(SlackViews.Message message, Send<T> send) throws ChatException {
        try {
            return send.send(message);
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.REFUSED || !message.hasImage()) {
                throw e;
            }
            log.warn("Slack refused the message with its poster frame ({}); sending it without", e.getMessage());
            return send.send(message.withoutImages());
        }
    }

    @Override
    public void whisper(Requester to, String text) throws ChatException {
        String escaped = SlackText.escape(text);
        try {
            calls.call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(to.channel())
                    .user(to.user()).text(escaped).linkNames(false)));
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.NO_ACCESS) {
                throw e;
            }
            String dm = openDm(to.user());
            calls.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(dm).text(escaped)
                    .linkNames(false)));
        }
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return new Conversation(PLATFORM, requester.workspace(), settings.adminChannel());
    }

    @Override
    public boolean canPostIn(Conversation where) {
        return !refused.contains(where.channel());
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return settings.maxUploadBytes();
    }

    private String openDm(String user) throws ChatException {
        ConversationsOpenResponse open = calls.call("conversations.open", () -> client.conversationsOpen(r -> r
                .users(List.of(user))));
        return SlackCalls.required(open.getChannel(), "conversations.open", "channel").getId();
    }

    private static String channelMention(String channel) {
        return channel.matches("[CGD][A-Z0-9]{2,20}") ? "<#" + channel + ">" : SlackText.escape(channel);
    }
}
