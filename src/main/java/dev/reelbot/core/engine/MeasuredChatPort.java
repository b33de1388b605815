package dev.reelbot.core.engine;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Phrasing;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;

/** Counts every 429 a chat platform answers, whichever call met it, then passes the failure on unchanged. */
final class MeasuredChatPort implements ChatPort {
    private final ChatPort delegate;
    private final EngineMetrics metrics;

    MeasuredChatPort(ChatPort delegate, EngineMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    /** One chat call. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws ChatException;
    }

    private <T> T count(Call<T> call) throws ChatException {
        try {
            return call.run();
        } catch (ChatException e) {
            if (e.kind() == ChatException.Kind.RATE_LIMITED && e.fromPlatform()) {
                metrics.platformRateLimited(delegate.platform());
            }
            throw e;
        }
    }

    @Override
    public String platform() {
        return delegate.platform();
    }

    @Override
    public MessageRef post(Conversation where, View view, PostKey key) throws ChatException {
        return count(() -> delegate.post(where, view, key));
    }

    @Override
    public void edit(MessageRef message, View view) throws ChatException {
        count(() -> {
            delegate.edit(message, view);
            return null;
        });
    }

    @Override
    public Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException {
        return count(() -> delegate.upload(message, video, key));
    }

    @Override
    public void whisper(Requester to, String text) throws ChatException {
        count(() -> {
            delegate.whisper(to, text);
            return null;
        });
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return delegate.adminRoom(requester);
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return delegate.uploadLimit(message);
    }

    @Override
    public boolean canPostIn(Conversation where) {
        return delegate.canPostIn(where);
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public Phrasing phrasing() {
        return delegate.phrasing();
    }

    @Override
    public Msg howToBecomeAdmin(Requester who) {
        return delegate.howToBecomeAdmin(who);
    }
}
