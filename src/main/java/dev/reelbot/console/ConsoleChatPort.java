package dev.reelbot.console;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.View;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.PlainText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real chat platform on stdin/stdout: channels are names like {@code #general}, messages are lines, "uploading"
 * a video copies it to the output folder. Message ids derive from job ids, so a message posted before a restart
 * is edited by the same id after it. Admin notices go to the channel {@code admin}.
 */
public final class ConsoleChatPort implements ChatPort {
    public static final String PLATFORM = "console";
    public static final String WORKSPACE = "local";
    public static final String ADMIN_CHANNEL = "admin";

    private final ConsoleScreen screen;
    private final Path videoDir;
    private final Set<String> usedIds = ConcurrentHashMap.newKeySet();
    private final Map<String, MessageRef> byKey = new ConcurrentHashMap<>();

    ConsoleChatPort(ConsoleScreen screen, Path videoDir) {
        this.screen = screen;
        this.videoDir = videoDir;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** A retried post finds its first attempt when this process made it (stdout cannot be searched after a restart). */
    @Override
    public MessageRef post(Conversation where, View view, PostKey key) {
        MessageRef earlier = byKey.get(key.value());
        if (key.maybeSent() && earlier != null) {
            return earlier;
        }
        MessageRef posted = print(where, view);
        byKey.put(key.value(), posted);
        return posted;
    }

    private MessageRef print(Conversation where, View view) {
        String base = view instanceof NoticeView notice ? (notice.kind() == NoticeKind.REFUND ? "refund-"
                : "delivery-") + view.jobId() : view.jobId();
        String id = base;
        for (int n = 2; !usedIds.add(id); n++) {
            id = base + "." + n;
        }
        screen.show(label(where.channel()), id, view, true);
        return new MessageRef(PLATFORM, where.channel(), id);
    }

    @Override
    public void edit(MessageRef message, View view) {
        usedIds.add(message.messageId());
        screen.show(label(message.channel()), message.messageId(), view, false);
    }

    /** Saves the video under its name: saving it again replaces the same file, so a retry shows nothing twice. */
    @Override
    public Msg upload(MessageRef message, VideoFile video, PostKey key) throws ChatException {
        try {
            Files.createDirectories(videoDir);
            Path target = videoDir.resolve(video.filename());
            Files.copy(video.file(), target, StandardCopyOption.REPLACE_EXISTING);
            return Msg.of("upload.saved", target.toString());
        } catch (IOException e) {
            throw new ChatException(ChatException.Kind.TRANSIENT, "could not save the video to " + videoDir + ": "
                    + e.getMessage(), null, e);
        }
    }

    @Override
    public void whisper(Requester to, String text) {
        screen.note(label(to.channel()) + " (to " + PlainText.printable(to.userName()) + ")",
                PlainText.printable(text));
    }

    @Override
    public Conversation adminRoom(Requester requester) {
        return new Conversation(PLATFORM, WORKSPACE, ADMIN_CHANNEL);
    }

    @Override
    public long uploadLimit(MessageRef message) {
        return Long.MAX_VALUE;
    }

    /** A channel as shown; like every text printed (see {@link ConsoleFormat}), no control character left raw. */
    private static String label(String channel) {
        return "#" + PlainText.printable(channel);
    }
}
