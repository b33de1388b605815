package dev.reelbot.app;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Phrasing;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A chat platform whose connection comes later (Discord's port exists only once its gateway session is ready):
 * the engine is built with this stand-in, and until the real port is attached every call fails as transient, so
 * the platform's jobs simply wait while the others run.
 *
 * <p>Threading: the real port is published through an atomic reference.
 */
final class DeferredChatPort implements ChatPort {
    private final String platform;
    private final String adminChannel;
    private final long uploadLimit;
    private final AtomicReference<ChatPort> port = new AtomicReference<>();

    DeferredChatPort(String platform, String adminChannel, long uploadLimit) {
        this.platform = platform;
        this.adminChannel = adminChannel;
        this.uploadLimit = uploadLimit;
    }

    void attach(ChatPort connected) {
        port.set(connected);
    }

    private ChatPort connected() throws ChatException {
        ChatPort current = port.get();
        if (current == null) {
            throw new ChatException(ChatException.Kind.TRANSIENT, platform + " is not connected yet");
        }
        return current;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public MessageRef post(Conversation where, View view, PostKey key) throws ChatException {
        return connected().post(where, view, key);
    }

    @Override
    public void edit(MessageRef message, View view) throws ChatException {
        connected().edit(message, view);
    }

    @Override
    public Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException {
        return connected().upload(message, video, key);
    }

    @Override
    public void whisper(Requester to, String text) throws ChatException {
        connected().whisper(to, text);
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        ChatPort current = port.get();
        return current != null ? current.adminRoom(requester)
                : new Conversation(platform, requester.workspace(), adminChannel);
    }

    @Override
    public boolean isReady() {
        ChatPort current = port.get();
        return current != null && current.isReady();
    }

    @Override
    public boolean canPostIn(Conversation where) {
        ChatPort current = port.get();
        return current == null || current.canPostIn(where);
    }

    @Override
    public long uploadLimit(MessageRef message) {
        ChatPort current = port.get();
        return current != null ? current.uploadLimit(message) : uploadLimit;
    }

    /** Commands arrive only once connected, so the connected port always answers these. */
    @Override
    public Phrasing phrasing() {
        ChatPort current = port.get();
        return current != null ? current.phrasing() : ChatPort.super.phrasing();
    }

    @Override
    public Msg howToBecomeAdmin(Requester who) {
        ChatPort current = port.get();
        return current != null ? current.howToBecomeAdmin(who) : ChatPort.super.howToBecomeAdmin(who);
    }
}
