package dev.reelbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Reply;
import dev.reelbot.core.View;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.text.Texts;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleChatTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int keys;

    private static MessageRef post(ConsoleChatPort port, Conversation where, View view) {
        return port.post(where, view, new PostKey("k" + (++keys), false));
    }

    private static JobView view(String id, String status, JobView.Result result, boolean isFinal) {
        return new JobView(id, "🎬 Generating", "a cat", "you", "sora-2 · 4 s · 720x1280", status, null, "3s",
                result, isFinal, List.of());
    }

    @Test
    void plainModePrintsEveryPostAndEditOnItsOwnLineWithChannelAndId() throws Exception {
        ConsoleChatPort port = ConsoleChat.plain(InputStream.nullInputStream(), out, dir, "you").port();

        MessageRef ref = post(port, new Conversation("console", "local", "general"), view("abcd2345", "Queued", null,
                false));
        port.edit(ref, view("abcd2345", "Generating…", null, false));
        Path video = Files.writeString(dir.resolve("dl.mp4"), "....ftyp");
        String note = Texts.ENGLISH.get(port.upload(ref, new VideoFile(video, 8, "reelbot-abcd2345.mp4", "a cat"),
                new PostKey("video-abcd2345", false)));
        port.edit(ref, view("abcd2345", "Done.", new JobView.Uploaded(note), true));

        List<String> lines = printed().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("#general msg abcd2345 posted: 🎬 Generating · \"a cat\"");
        assertThat(lines.get(1)).startsWith("#general msg abcd2345 edited: ").contains("Generating…");
        assertThat(lines.get(2)).contains("video: saved to " + dir.resolve("reelbot-abcd2345.mp4"));
        assertThat(dir.resolve("reelbot-abcd2345.mp4")).exists();
    }

    @Test
    void noticesGoToTheAdminChannelAndIdsNeverRepeat() {
        ConsoleChatPort port = ConsoleChat.plain(InputStream.nullInputStream(), out, dir, "you").port();
        NoticeView notice = new NoticeView("abcd2345", "💸 Refund needed", List.of(new NoticeView.Fact("Why", "x")),
                false, true);

        MessageRef first = post(port, port.adminRoom(null), notice);
        MessageRef second = post(port, new Conversation("console", "local", "general"), view("abcd2345", "Queued",
                null, false));
        MessageRef third = post(port, new Conversation("console", "local", "general"), view("abcd2345", "Queued",
                null, false));

        assertThat(first.channel()).isEqualTo("admin");
        assertThat(List.of(first.messageId(), second.messageId(), third.messageId()))
                .containsExactly("refund-abcd2345", "abcd2345", "abcd2345.2");
        assertThat(printed()).contains("#admin msg refund-abcd2345 posted: 💸 Refund needed")
                .contains("may repeat a notice");
    }

    @Test
    void linesAreCommandsInAChannel() {
        ConsoleChat chat = ConsoleChat.plain(InputStream.nullInputStream(), out, dir, "you");
        RecordingHandler handler = new RecordingHandler();

        handler.feed(chat, "/video a cat", "a dog", "#random /video help", "/other thing", "   ");

        assertThat(handler.seen).containsExactly("general: a cat", "general: a dog", "random: help");
        assertThat(printed()).contains("#random (to you) help text")
                .contains("#general (to you) Unknown command /other. Type /video help.");
    }

    @Test
    void noControlCharacterFromInputReachesTheTerminalRaw() {
        ConsoleChat chat = ConsoleChat.plain(InputStream.nullInputStream(), out, dir, "you");
        String escape = "\u001b]0;pwned\u0007\u001b[2J";
        post(chat.port(), new Conversation("console", "local", "general"), new JobView("abcd2345", "🎬 Generating",
                "a cat " + escape, "you", "sora-2", "Queued", null, "1s", null, false, List.of()));

        chat.handleLine("/ot" + escape + "her thing", (who, text, key) -> new Reply("unused", true, null), "k1");
        chat.handleLine("#gen" + escape + "eral /video a cat", (who, text, key) -> new Reply("unused", true, null),
                "k2");
        chat.handleLine("/video a cat " + escape, (who, text, key) -> new Reply("you said: " + text, false, null),
                "k3");

        String printed = printed();
        assertThat(printed).doesNotContain("\u001b]", "\u001b[2J", "\u0007")
                .contains("Unknown command /ot␛]0;pwned␇␛[2Jher. Type /video help.")
                .contains("A channel name is letters, digits")
                .contains("you said:  a cat ␛]0;pwned␇␛[2J")
                .contains("posted: 🎬 Generating · \"a cat ␛]0;pwned␇␛[2J\"");
    }

    @Test
    void aReplyIsCappedAndACommandThatFailsLeavesTheConsoleWorking() {
        ConsoleChat chat = ConsoleChat.plain(InputStream.nullInputStream(), out, dir, "you");

        chat.handleLineSafely("/video boom", (who, text, key) -> {
            throw new IllegalStateException("a bug");
        }, 1);
        chat.handleLineSafely("/video flood", (who, text, key) -> new Reply("problem\n".repeat(100_000), false, null),
                2);
        chat.handleLineSafely("/video a cat", (who, text, key) -> new Reply("fine", true, null), 3);

        List<String> lines = printed().lines().toList();
        assertThat(lines.get(0)).isEqualTo("#general (to you) Something went wrong on the bot's side; it was logged "
                + "(console line 1).");
        assertThat(printed().length()).as("800 KB of reply printed as a few KB").isLessThan(20_000);
        assertThat(lines).anyMatch(l -> l.matches("#general \\(to you\\) … and \\d+ more lines"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("#general (to you) fine");
    }

    @Test
    void failedJobLinesSayWhereTheRefundStands() {
        String line = ConsoleFormat.line(view("abcd2345", "x", new JobView.Failed("it broke",
                JobView.Refund.NOTIFIED), true));
        assertThat(line).contains("it broke · an admin has been notified for a refund · job abcd2345");
        String linked = ConsoleFormat.line(view("abcd2345", "x", new JobView.Linked("https://cdn/v.mp4",
                Instant.parse("2026-11-24T13:00:00Z"), "big"), true));
        assertThat(linked).contains("video: https://cdn/v.mp4 (link expires 2026-11-24 13:00 UTC)");
    }
}
