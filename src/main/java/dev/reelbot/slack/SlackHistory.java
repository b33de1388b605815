package dev.reelbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.reelbot.core.MessageRef;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a message the bot posted by the key in its metadata, among a conversation's recent messages: how a
 * retried post (after a failure, or a restart between posting and recording) finds the first one instead of
 * leaving two. Needs the {@code channels:history}, {@code groups:history} and {@code im:history} scopes; without
 * them the lookup finds nothing and the post goes ahead.
 */
final class SlackHistory {
    static final String EVENT_TYPE = "reelbot_post";
    private static final Logger log = LoggerFactory.getLogger(SlackHistory.class);
    private static final int RECENT = 100;

    private final MethodsClient client;

    SlackHistory(MethodsClient client) {
        this.client = client;
    }

    /** The metadata that marks a post with its key. */
    static Message.Metadata metadata(String key) {
        return Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of("key", key)).build();
    }

    Optional<MessageRef> find(String channel, String key) {
        try {
            ConversationsHistoryResponse response = client.conversationsHistory(r -> r.channel(channel)
                    .limit(RECENT).includeAllMetadata(true));
            if (!response.isOk()) {
                log.warn("cannot look for an earlier post in {} ({}); posting anew", channel, response.getError());
                return Optional.empty();
            }
            return response.getMessages().stream()
                    .filter(m -> m.getMetadata() != null && EVENT_TYPE.equals(m.getMetadata().getEventType())
                            && m.getMetadata().getEventPayload() != null
                            && key.equals(m.getMetadata().getEventPayload().get("key")))
                    .findFirst().map(m -> new MessageRef(SlackChatPort.PLATFORM, channel, m.getTs()));
        } catch (IOException | SlackApiException e) {
            log.warn("cannot look for an earlier post in {} ({}); posting anew", channel, e.toString());
            return Optional.empty();
        }
    }
}
