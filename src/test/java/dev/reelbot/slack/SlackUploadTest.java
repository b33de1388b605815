package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.text.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Uploads to the fake Slack in the three documented steps, the file's bytes streamed from disk: the name and
 * length first, the bytes as the body of one POST to the URL Slack gave, then the share in the channel.
 */
class SlackUploadTest extends WithSlack {
    private MessageRef message() throws ChatException {
        return h.app.port().post(new Conversation("slack", FakeSlack.TEAM, "C0GENERAL"), new JobView("abcd2345",
                "✅ Video ready", "a cat", "U0ALICE1", "sora-2 · 4 s · 720x1280", "Done.", null, "took 9s", null,
                true, List.of()), new PostKey("abcd2345-k", false));
    }

    private VideoFile video(int bytes) throws Exception {
        byte[] content = new byte[bytes];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("v.mp4"), content);
        return new VideoFile(file, bytes, "reelbot-abcd2345.mp4", "a cat");
    }

    @Test
    void theVideoGoesInThreeStepsWithItsBytesAsOneStreamedBody() throws Exception {
        MessageRef ref = message();
        VideoFile video = video(3 * 1024 * 1024 + 17);

        String note = Texts.ENGLISH.get(h.app.port().upload(ref, video, new PostKey("video-abcd2345", false)));

        assertThat(note).contains("uploaded");
        List<String> steps = h.slack.calls().stream().map(FakeSlack.Call::method)
                .filter(m -> m.startsWith("files.") || m.equals(FakeSlack.UPLOAD)).toList();
        assertThat(steps).containsExactly("files.getUploadURLExternal", FakeSlack.UPLOAD,
                "files.completeUploadExternal");
        FakeSlack.Call asked = h.slack.calls("files.getUploadURLExternal").get(0);
        assertThat(asked.field("filename")).isEqualTo("reelbot-abcd2345.mp4");
        assertThat(asked.field("length")).isEqualTo(Long.toString(video.bytes()));
        assertThat(h.slack.calls(FakeSlack.UPLOAD).get(0).field("content_type")).isEqualTo("video/mp4");
        assertThat(h.slack.uploads().values()).singleElement()
                .satisfies(bytes -> assertThat(bytes).isEqualTo(Files.readAllBytes(video.file())));
        assertThat(h.slack.shares()).singleElement().satisfies(s -> {
            assertThat(s.channel()).isEqualTo("C0GENERAL");
            assertThat(s.filename()).isEqualTo("reelbot-abcd2345.mp4");
        });
    }

    @Test
    void aTransferSlackFailsSharesNothingAndSaysWhatKindOfFailureItWas() throws Exception {
        MessageRef ref = message();
        VideoFile video = video(1000);

        h.slack.answerNext(FakeSlack.UPLOAD, 502, "<html>bad gateway</html>", null);
        ChatException passing = catchThrowableOfType(ChatException.class, () -> h.app.port().upload(ref, video,
                new PostKey("video-abcd2345", false)));
        h.slack.answerNext(FakeSlack.UPLOAD, 413, "too large", null);
        ChatException tooLarge = catchThrowableOfType(ChatException.class, () -> h.app.port().upload(ref, video,
                new PostKey("video-abcd2345", false)));

        assertThat(passing.kind()).isEqualTo(ChatException.Kind.TRANSIENT);
        assertThat(tooLarge.kind()).isEqualTo(ChatException.Kind.TOO_LARGE);
        assertThat(h.slack.calls("files.completeUploadExternal")).isEmpty();
        assertThat(h.slack.shares()).isEmpty();
    }
}
