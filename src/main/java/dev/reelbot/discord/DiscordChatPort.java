package dev.reelbot.discord;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Phrasing;
import dev.reelbot.discord.DiscordFailure.Kind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's view of Discord. Progress lives in the bot's own channel message, posted and edited through the
 * channel with the bot token (never through the interaction's token, which dies after 15 minutes), so edits work
 * for jobs of any length and after restarts. When the bot may not post in the channel the message goes to the
 * requester's DMs; a message the bot can no longer edit counts as gone, so the engine posts it anew (and that
 * post falls back to the DMs).
 *
 * <p>Threading: thread-safe; every method blocks the calling engine worker until Discord answered.
 */
public final class DiscordChatPort implements ChatPort {
    public static final String PLATFORM = "discord";
    private static final Logger log = LoggerFactory.getLogger(DiscordChatPort.class);
    private static final int CONTENT_CHARS = 2000;

    private final DiscordRest rest;
    private final UploadLimits limits;
    private final RecentHooks hooks;
    private final ChannelAccess access;
    private final String adminChannelId;
    private final Duration timeout;

    DiscordChatPort(DiscordRest rest, UploadLimits limits, RecentHooks hooks, ChannelAccess access,
                    DiscordSettings settings) {
        this.rest = rest;
        this.access = access;
        this.limits = limits;
        this.hooks = hooks;
        this.adminChannelId = settings.adminChannelId();
        this.timeout = settings.requestTimeout();
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** Discord's own commands and typed options, whatever the bot's command word elsewhere. */
    @Override
    public Phrasing phrasing() {
        return DiscordPhrasing.INSTANCE;
    }

    @Override
    public Msg howToBecomeAdmin(Requester who) {
        return Msg.of("admin.how.discord", who.user());
    }

    /** Posts with the key as the message nonce, so Discord itself turns a retried post into the first one. */
    @Override
    public MessageRef post(Conversation where, View view, PostKey key) throws ChatException {
        DiscordMessage message = DiscordViews.of(view);
        try {
            MessageRef posted = ref(where.channel(), rest.send(where.channel(), message.create(), null, key.value()));
            access.posted(where.channel());
            return posted;
        } catch (DiscordFailure e) {
            if (view instanceof JobView job && e.is(Kind.UNKNOWN_CHANNEL, Kind.MISSING_ACCESS,
                    Kind.MISSING_PERMISSIONS)) {
                access.refused(where.channel());
                log.warn("job={} cannot post in channel {} ({}); sending it to the requester's DMs", job.jobId(),
                        where.channel(), e.getMessage());
                return inDm(job.requester(), message.create(), key, e);
            }
            throw e.toChat();
        }
    }

    @Override
    public void edit(MessageRef message, View view) throws ChatException {
        try {
            rest.edit(message.channel(), message.messageId(), DiscordViews.of(view).edit());
        } catch (DiscordFailure e) {
            // Deleted, or in a channel the bot lost: either way this message can no longer show the job.
            if (e.is(Kind.UNKNOWN_MESSAGE, Kind.UNKNOWN_CHANNEL, Kind.MISSING_ACCESS, Kind.MISSING_PERMISSIONS)) {
                throw e.toChat(ChatException.Kind.MESSAGE_GONE);
            }
            throw e.toChat();
        }
    }

    /** Uploads with the key as the nonce, like posts: a retried upload returns the first, never a second video. */
    @Override
    public Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException {
        String caption = "🎞️ " + DiscordText.escape(video.title(), 300);
        try (MessageCreateData data = DiscordMessage.file(caption,
                FileUpload.fromData(video.file(), video.filename()))) {
            rest.send(message.channel(), data, message.messageId(), key.value());
            return Msg.of("upload.below", video.filename());
        } catch (DiscordFailure e) {
            if (e.is(Kind.UNKNOWN_CHANNEL, Kind.MISSING_ACCESS)) {
                throw e.toChat(ChatException.Kind.MESSAGE_GONE);
            }
            if (e.is(Kind.TOO_LARGE)) {
                // Over the real limit, whatever Discord said before (413, 40005): remember it, and let the engine
                // fit the file smaller.
                limits.refused(message.channel(), video.bytes());
                throw e.toChat(ChatException.Kind.TOO_LARGE);
            }
            if (e.is(Kind.MISSING_PERMISSIONS)) {
                // No Attach Files permission: the engine links the video instead.
                throw e.toChat(ChatException.Kind.REFUSED);
            }
            throw e.toChat();
        }
    }

    @Override
    public void whisper(Requester to, String text) throws ChatException {
        String safe = DiscordText.reply(text, CONTENT_CHARS);
        Optional<InteractionHook> hook = hooks.fresh(to.user(), to.channel());
        if (hook.isPresent()) {
            try {
                hook.get().sendMessage(safe).setEphemeral(true).setAllowedMentions(DiscordMessage.NO_MENTIONS)
                        .mentionRepliedUser(false).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete();
                return;
            } catch (RuntimeException e) {
                log.warn("ephemeral note to user {} failed ({}); sending it as a DM", to.user(), e.toString());
            }
        }
        try {
            String dm = rest.openDm(to.user());
            rest.send(dm, DiscordMessage.text(safe), null);
        } catch (DiscordFailure e) {
            throw unreachable(to.user(), e, null);
        }
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return new Conversation(PLATFORM, requester.workspace(), adminChannelId);
    }

    @Override
    public boolean canPostIn(Conversation where) {
        return access.canPost(where.channel());
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return limits.forChannel(message.channel());
    }

    private MessageRef inDm(String userId, MessageCreateData message, PostKey key, DiscordFailure channelFailure)
            throws ChatException {
        try {
            String dm = rest.openDm(userId);
            return ref(dm, rest.send(dm, message, null, key.value()));
        } catch (DiscordFailure e) {
            throw unreachable(userId, e, channelFailure);
        }
    }

    /** A DM failed too: worth retrying when Discord was busy, else nothing more can be done here. */
    private static ChatException unreachable(String userId, DiscordFailure dmFailure, DiscordFailure first) {
        if (dmFailure.is(Kind.RATE_LIMITED, Kind.TRANSIENT)) {
            return dmFailure.toChat();
        }
        String why = (first == null ? "" : "the channel refused (" + first.getMessage() + ") and ")
                + "a DM to user " + userId + " failed (" + dmFailure.getMessage() + ")";
        return new ChatException(ChatException.Kind.NO_ACCESS, why, null, dmFailure);
    }

    private static MessageRef ref(String channelId, String messageId) {
        return new MessageRef(PLATFORM, channelId, messageId);
    }
}
