package dev.reelbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack as a chat platform: progress in a real channel message ({@code chat.postMessage}, then {@code chat.update}
 * by channel + ts), the video uploaded with {@code filesUploadV2}, private notes as ephemeral messages. When the
 * bot may not post in a channel, the job's messages go to a DM with the requester, who is told how to fix it.
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
    private final SlackHistory history;

    SlackChatPort(MethodsClient client, SlackSettings settings, SlackThrottle throttle) {
        this.client = client;
        this.settings = settings;
        this.throttle = throttle;
        this.history = new SlackHistory(client);
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
            return postIn(where.channel(), view, key);
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.NO_ACCESS || !(view instanceof JobView job)) {
                throw e;
            }
            return postInDm(where, job, key, e);
        }
    }

    /** An earlier attempt may have gone to the requester's DM, when the channel refused the bot. */
    private Optional<MessageRef> findInDm(String user, PostKey key) {
        try {
            return history.find(openDm(user), key.value());
        } catch (ChatException e) {
            log.warn("cannot look for an earlier post in the DM with {} ({})", user, e.getMessage());
            return Optional.empty();
        }
    }

    private MessageRef postIn(String channel, View view, PostKey key) throws ChatException {
        limit(throttle.post(channel));
        SlackViews.Message message = SlackViews.of(view);
        ChatPostMessageResponse response = call("chat.postMessage", () -> client.chatPostMessage(r -> r
                .channel(channel).text(message.text()).blocks(message.blocks()).linkNames(false).unfurlLinks(false)
                .unfurlMedia(false).metadata(SlackHistory.metadata(key.value()))));
        return new MessageRef(PLATFORM, response.getChannel(), response.getTs());
    }

    /** The channel refused the bot: carry the job in a DM with its requester, and tell them how to fix it. */
    private MessageRef postInDm(Conversation where, JobView job, PostKey key, ChatException refusal)
            throws ChatException {
        String dm = openDm(job.requester());
        log.warn("job={} cannot post in {} ({}); using a DM with {}", job.jobId(), where.channel(),
                refusal.getMessage(), job.requester());
        String note = "I can't post in " + channelMention(where.channel()) + " (" + SlackText.escape(
                refusal.getMessage()) + "). Invite me to that channel (type `/invite` there and pick me) to get "
                + "videos there; this one continues here.";
        call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(dm).text(note).linkNames(false)));
        return postIn(dm, job, key);
    }

    @Override
    public void edit(MessageRef message, View view) throws ChatException {
        boolean isFinal = view instanceof NoticeView || ((JobView) view).isFinal();
        limit(throttle.update(isFinal));
        SlackViews.Message rendered = SlackViews.of(view);
        try {
            call("chat.update", () -> client.chatUpdate(r -> r.channel(message.channel()).ts(message.messageId())
                    .text(rendered.text()).blocks(rendered.blocks()).linkNames(false)));
        } catch (ChatException e) {
            if (e.kind() == ChatException.Kind.NO_ACCESS) {
                // The bot lost the channel (removed, archived): this message can no longer show the job; the
                // engine posts anew, and a post falls back to a DM with the requester.
                throw new ChatException(ChatException.Kind.MESSAGE_GONE, e.getMessage(), null, e);
            }
            throw e;
        }
    }

    @Override
    public String upload(MessageRef message, VideoFile video) throws ChatException {
        String thread = settings.uploadInThread() ? message.messageId() : null;
        try {
            var response = client.filesUploadV2(r -> r.channel(message.channel()).threadTs(thread)
                    .file(video.file().toFile()).filename(video.filename()).title(video.title())
                    .initialComment("🎬 " + SlackText.escape(video.title())));
            if (!response.isOk()) {
                throw SlackErrors.fromError("files.uploadV2", response.getError());
            }
            return "uploaded to Slack (" + megabytes(video.bytes()) + ")";
        } catch (SlackFilesUploadV2Exception e) {
            throw SlackErrors.fromError("files.uploadV2", uploadError(e));
        } catch (SlackApiException e) {
            throw rateLimitAware("files.uploadV2", e);
        } catch (IOException e) {
            throw SlackErrors.fromNetwork("files.uploadV2", e);
        }
    }

    @Override
    public void whisper(Requester to, String text) throws ChatException {
        String escaped = SlackText.escape(text);
        try {
            call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(to.channel()).user(to.user())
                    .text(escaped).linkNames(false)));
        } catch (ChatException e) {
            if (e.kind() != ChatException.Kind.NO_ACCESS) {
                throw e;
            }
            String dm = openDm(to.user());
            call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(dm).text(escaped).linkNames(false)));
        }
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return new Conversation(PLATFORM, requester.workspace(), settings.adminChannel());
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return settings.maxUploadBytes();
    }

    private String openDm(String user) throws ChatException {
        ConversationsOpenResponse open = call("conversations.open", () -> client.conversationsOpen(r -> r
                .users(List.of(user))));
        return open.getChannel().getId();
    }

    private void limit(Duration wait) throws ChatException {
        if (!wait.isZero()) {
            throw new ChatException(ChatException.Kind.RATE_LIMITED, "holding back to stay within Slack's rate "
                    + "limits", wait, null, false);
        }
    }

    /** A Web API call returning a response with {@code ok} and {@code error}. */
    @FunctionalInterface
    private interface SlackCall<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) throws ChatException {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw rateLimitAware(method, e);
        } catch (IOException e) {
            throw SlackErrors.fromNetwork(method, e);
        }
        if (!response.isOk()) {
            throw SlackErrors.fromError(method, response.getError());
        }
        return response;
    }

    private ChatException rateLimitAware(String method, SlackApiException e) {
        ChatException mapped = SlackErrors.fromHttp(method, e);
        mapped.retryAfter().ifPresent(throttle::pause);
        return mapped;
    }

    private static String uploadError(SlackFilesUploadV2Exception e) {
        if (e.getCompleteResponse() != null && e.getCompleteResponse().getError() != null) {
            return e.getCompleteResponse().getError();
        }
        return e.getGetURLResponses().stream().filter(r -> r.getError() != null).map(r -> r.getError())
                .findFirst().orElse("upload_failed");
    }

    private static String channelMention(String channel) {
        return channel.matches("[CGD][A-Z0-9]{2,20}") ? "<#" + channel + ">" : SlackText.escape(channel);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
