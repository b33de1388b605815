package dev.reelbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.MessageRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what the bot already posted, among a conversation's recent messages: a message by the key in its metadata,
 * a video by its file name (which carries the job id). This is how a retried post or upload (after a failure, or
 * a restart between doing and recording it) finds the first one instead of leaving two. A lookup that fails for a
 * passing reason (a 429, a 5xx) fails the retry, which the engine makes again later: going ahead blind could make
 * the duplicate the lookup exists to prevent. Only when the bot may not read the conversation at all (the
 * {@code channels:history}, {@code groups:history}, {@code im:history} scopes are missing) does it go ahead.
 */
final class SlackHistory {
    static final String EVENT_TYPE = "reelbot_post";
    private static final Logger log = LoggerFactory.getLogger(SlackHistory.class);
    private static final int RECENT = 100;

    private final MethodsClient client;
    private final SlackCalls calls;

    SlackHistory(MethodsClient client, SlackCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    /** The metadata that marks a post with its key. */
    static Message.Metadata metadata(String key) {
        return Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of("key", key)).build();
    }

    /** The bot's message carrying {@code key}, if it is among the conversation's recent ones. */
    Optional<MessageRef> find(String channel, String key) throws ChatException {
        return recent(channel, null, m -> m.getMetadata() != null
                && EVENT_TYPE.equals(m.getMetadata().getEventType()) && m.getMetadata().getEventPayload() != null
                && key.equals(m.getMetadata().getEventPayload().get("key")))
                .map(m -> new MessageRef(SlackChatPort.PLATFORM, channel, m.getTs()));
    }

    /** Whether a file named {@code filename} was shared among the recent messages (of {@code thread}, if given). */
    boolean hasFile(String channel, String thread, String filename) throws ChatException {
        return recent(channel, thread, m -> m.getFiles() != null && m.getFiles().stream().map(File::getName)
                .anyMatch(filename::equals)).isPresent();
    }

    private Optional<Message> recent(String channel, String thread, Predicate<Message> wanted) throws ChatException {
        List<Message> messages;
        try {
            messages = thread == null
                    ? SlackCalls.required(calls.call("conversations.history", () -> client.conversationsHistory(r -> r
                            .channel(channel).limit(RECENT).includeAllMetadata(true))).getMessages(),
                            "conversations.history", "messages")
                    : SlackCalls.required(calls.call("conversations.replies", () -> client.conversationsReplies(r -> r
                            .channel(channel).ts(thread).limit(RECENT).includeAllMetadata(true))).getMessages(),
                            "conversations.replies", "messages");
        } catch (ChatException e) {
            if (e.kind() == ChatException.Kind.NO_ACCESS) {
                log.warn("cannot read {} to look for an earlier post ({}); going ahead", channel, e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
        return messages.stream().filter(wanted).findFirst();
    }
}
