package dev.reelbot.core;

import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Phrasing;

/**
 * A chat platform, as the engine sees it: post and edit messages, upload a video, whisper to one user, and where
 * the admins are. Adapters (Slack, Discord, console) implement it and hide every platform detail, including
 * fallbacks such as a DM when the bot may not post in a channel.
 *
 * <p>Threading: implementations are thread-safe and block the calling thread; the engine calls them from its
 * worker pool, never from a platform's event thread.
 */
public interface ChatPort {

    /** The platform this port serves, as in {@link Requester#platform()}. */
    String platform();

    /**
     * Posts a new message; returns where it landed (which may be a DM when the channel refused it). When
     * {@code key.maybeSent()}, an earlier attempt with the same key may have posted it already: the adapter returns
     * that message if the platform lets it find it (or deduplicate), so a retry or a restart never leaves two.
     */
    MessageRef post(Conversation where, View view, PostKey key) throws ChatException;

    /** Replaces what a message shows. */
    void edit(MessageRef message, View view) throws ChatException;

    /**
     * Uploads a finished video beside (or under) a message; returns a short note of where it went. The file is
     * the engine's: the adapter must be done with it when this returns. When {@code key.maybeSent()}, an earlier
     * attempt may have uploaded it already: the adapter finds (or lets the platform deduplicate) that upload, as
     * for {@link #post}, so a retry never shows the video twice.
     */
    Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException;

    /** Tells one user something only they see (an ephemeral message, a DM). */
    void whisper(Requester to, String text) throws ChatException;

    /** Where refund notices for jobs of this requester's workspace go. */
    Conversation adminRoom(Requester requester);

    /** The largest file {@link #upload} accepts for this message's channel, in bytes. */
    long uploadLimit(MessageRef message);

    /**
     * Whether the bot can post in {@code where}, as far as the adapter knows (the platform said so, or refused a
     * post there): when not, the job's messages go to a DM, and the requester is told so in the first answer.
     */
    default boolean canPostIn(Conversation where) {
        return true;
    }

    /**
     * Whether calls can go out now: false while the platform is still connecting (after a start, Discord's port
     * exists only once its gateway session is ready). The engine then leaves the platform's chat work for later,
     * counting no failed attempt, and keeps polling the API.
     */
    default boolean isReady() {
        return true;
    }

    /** How commands and options are written here, for the messages that name them. */
    default Phrasing phrasing() {
        return Phrasing.TYPED;
    }

    /** What would make {@code who} an admin of the bot, for the answer that refuses them an admin action. */
    default Msg howToBecomeAdmin(Requester who) {
        return Msg.of("admin.how", who.user(), platform());
    }
}
