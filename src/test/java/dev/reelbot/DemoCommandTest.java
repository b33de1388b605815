package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo as a user runs it: commands on stdin, the chat on stdout, exit 0 once every job is finished. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private final DemoCommand demo = new DemoCommand();

    /** Runs the demo on {@code input} as piped lines; asserts it exits 0 and returns what it printed. */
    private String demo(String input) throws Exception {
        demo.videos = dir.resolve("videos");
        demo.db = dir.resolve("demo.db");
        demo.jobSeconds.seconds = 2;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = demo.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aVideoAndAFailureRunToTheEndAndTheDemoExitsZero() throws Exception {
        List<String> lines = demo("/video a cat surfing --duration 4\n/video a storm [fail]\n").lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("#general (to you) 🎬 Job `"));
        String catId = lines.stream().filter(l -> l.contains("posted:") && l.contains("a cat surfing")).findFirst()
                .orElseThrow().split(" ")[2];
        String stormId = lines.stream().filter(l -> l.contains("posted:") && l.contains("a storm")).findFirst()
                .orElseThrow().split(" ")[2];
        String catLast = lastLineOf(lines, catId);
        assertThat(catLast).contains("✅ Video ready").contains("video: saved to "
                + demo.videos.resolve("reelbot-" + catId + ".mp4"));
        assertThat(demo.videos.resolve("reelbot-" + catId + ".mp4")).exists();
        assertThat(lastLineOf(lines, stormId)).contains("❌ Failed")
                .contains("an admin has been notified for a refund");
        assertThat(lines).filteredOn(l -> l.startsWith("#admin msg refund-" + stormId + " posted: 💸 Refund needed"))
                .hasSize(1);
        assertThat(lines).filteredOn(l -> l.contains(" msg " + catId + " ")).allMatch(l -> l.startsWith("#general"));
    }

    @Test
    void mistypedCommandWordsStartNoJob() throws Exception {
        String out = demo("/video status nosuchjob\n/video help me\n/video stauts abc\n/video list all\n");

        assertThat(out).doesNotContain("accepted").doesNotContain(" posted: ").contains("is not a job id")
                .contains("Make a video:").contains("did you mean `/video status`?")
                .contains("`list` takes nothing after it");
    }

    private static String lastLineOf(List<String> lines, String messageId) {
        return lines.stream().filter(l -> l.startsWith("#general msg " + messageId + " ")).reduce((a, b) -> b)
                .orElseThrow();
    }
}
