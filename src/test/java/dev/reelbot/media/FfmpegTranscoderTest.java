package dev.reelbot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelbot.core.TranscodeException;
import dev.reelbot.core.Transcoder;
import dev.reelbot.testing.TestFfmpeg;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ffmpeg fitting real clips under a size (skipped, saying why, where ffmpeg is missing). */
class FfmpegTranscoderTest {
    @TempDir
    Path dir;

    @Test
    void aClipOverTheLimitComesOutUnderItAsFastStartH264WithItsLengthAndSound() throws Exception {
        Path source = TestFfmpeg.clip(dir.resolve("in.mp4"), 640, 360, 4, 4000, true);
        long limit = Files.size(source) / 3;
        FfmpegTranscoder transcoder = new FfmpegTranscoder(TestFfmpeg.require(), Duration.ofMinutes(2));

        Transcoder.Fitted fitted = transcoder.fit(source, limit, dir.resolve("out.mp4"));

        Path out = dir.resolve("out.mp4");
        assertThat(fitted.bytes()).isEqualTo(Files.size(out)).isLessThanOrEqualTo(limit);
        JsonNode probe = TestFfmpeg.probe(out);
        assertThat(TestFfmpeg.videoCodec(probe)).isEqualTo("h264");
        assertThat(TestFfmpeg.seconds(probe)).isCloseTo(4.0, within(0.2));
        assertThat(probe.path("streams").toString()).contains("\"codec_name\":\"aac\"");
        assertThat(fitted.duration().toMillis()).isCloseTo(4000, within(200L));
        assertThat(moovBeforeMdat(out)).as("+faststart: the index comes first").isTrue();
    }

    @Test
    void aBitrateTooLowForTheSourceSizeLowersTheResolution() throws Exception {
        Path source = TestFfmpeg.clip(dir.resolve("in.mp4"), 1280, 720, 4, 3000, true);
        FfmpegTranscoder transcoder = new FfmpegTranscoder(TestFfmpeg.require(), Duration.ofMinutes(2));

        Transcoder.Fitted fitted = transcoder.fit(source, 300 * 1024, dir.resolve("out.mp4"));

        assertThat(fitted.bytes()).isLessThanOrEqualTo(300 * 1024);
        assertThat(fitted.size()).isNotEqualTo("1280x720").matches("\\d+x\\d+");
        String[] size = fitted.size().split("x");
        assertThat(Integer.parseInt(size[0]) * 9).isCloseTo(Integer.parseInt(size[1]) * 16, within(40));
    }

    @Test
    void aLimitNoWatchableVideoFitsInIsRefusedInWords() throws Exception {
        Path source = TestFfmpeg.clip(dir.resolve("in.mp4"), 320, 240, 4, 500, false);
        FfmpegTranscoder transcoder = new FfmpegTranscoder(TestFfmpeg.require(), Duration.ofMinutes(2));

        assertThatThrownBy(() -> transcoder.fit(source, 20 * 1024, dir.resolve("out.mp4")))
                .isInstanceOf(TranscodeException.class).hasMessageContaining("too long to fit");
    }

    @Test
    void aTranscodePastItsTimeLimitIsStoppedAndSaysSo() throws Exception {
        Path source = TestFfmpeg.clip(dir.resolve("in.mp4"), 640, 360, 4, 4000, true);
        FfmpegTranscoder transcoder = new FfmpegTranscoder(TestFfmpeg.require(), Duration.ofMillis(1));

        assertThatThrownBy(() -> transcoder.fit(source, Files.size(source) / 3, dir.resolve("out.mp4")))
                .isInstanceOf(TranscodeException.class).hasMessageContaining("delivery.transcode-timeout");
    }

    @Test
    void somethingThatIsNotAVideoIsRefusedWithFfprobesWords() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "<html>502 Bad Gateway</html>");
        FfmpegTranscoder transcoder = new FfmpegTranscoder(TestFfmpeg.require(), Duration.ofMinutes(1));

        assertThatThrownBy(() -> transcoder.fit(junk, 1000, dir.resolve("out.mp4")))
                .isInstanceOf(TranscodeException.class).hasMessageContaining("could not read the video")
                .satisfies(e -> assertThat(((TranscodeException) e).detail()).isNotBlank());
    }

    @Test
    void aPosterFrameIsAJpeg() throws Exception {
        Path source = TestFfmpeg.clip(dir.resolve("in.mp4"), 640, 360, 2, 500, false);
        Path poster = dir.resolve("poster.jpg");

        new FfmpegTranscoder(TestFfmpeg.require(), Duration.ofMinutes(1)).poster(source, poster);

        byte[] head = Files.readAllBytes(poster);
        assertThat(head.length).isGreaterThan(1000);
        assertThat(head[0] & 0xFF).isEqualTo(0xFF);
        assertThat(head[1] & 0xFF).isEqualTo(0xD8);
    }

    /** Whether the file's {@code moov} box comes before its {@code mdat} box. */
    private static boolean moovBeforeMdat(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(1 << 20);
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            int moov = text.indexOf("moov");
            int mdat = text.indexOf("mdat");
            return moov >= 0 && (mdat < 0 || moov < mdat);
        }
    }
}
