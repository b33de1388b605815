package dev.reelbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.media.Ffmpeg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's ffmpeg for tests that need a real one: they are skipped, saying how to run them, where it is
 * missing. Clips are made at test time from ffmpeg's own test sources (a few seconds, low resolution), and read
 * back with ffprobe.
 */
public final class TestFfmpeg {
    public static final String HOW_TO_RUN = "this test needs ffmpeg, so it is skipped; to run it, install ffmpeg "
            + "(apt-get install -y ffmpeg; .ci/run does)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Ffmpeg.Detection detection;

    private TestFfmpeg() {
    }

    /** The machine's ffmpeg; skips the calling test when there is none. */
    public static synchronized Ffmpeg require() {
        if (detection == null) {
            detection = Ffmpeg.detect(null, System.getenv("PATH"));
        }
        Assumptions.assumeTrue(detection.isFound(), () -> HOW_TO_RUN + ". Found: " + detection.problem());
        return detection.found();
    }

    /**
     * A playable clip: a moving test pattern with a tone. {@code noisy} adds grain, which compresses badly, so a
     * short clip can be made large.
     */
    public static Path clip(Path file, int width, int height, int seconds, int videoKbps, boolean noisy)
            throws IOException, InterruptedException {
        Ffmpeg ffmpeg = require();
        String source = "testsrc2=size=" + width + "x" + height + ":rate=24:duration=" + seconds;
        run(List.of(ffmpeg.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", source, "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-vf", noisy ? "noise=alls=20:allf=t" : "null", "-c:v", "libx264", "-preset", "ultrafast",
                "-b:v", videoKbps + "k", "-maxrate", videoKbps + "k", "-bufsize", 2 * videoKbps + "k",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", file.toString()));
        return file;
    }

    /** What ffprobe reads in a file: {@code format} and {@code streams}, as its JSON. */
    public static JsonNode probe(Path file) throws IOException, InterruptedException {
        Ffmpeg ffmpeg = require();
        return JSON.readTree(run(List.of(ffmpeg.ffprobe().toString(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toString())));
    }

    /** The codec of the first video stream. */
    public static String videoCodec(JsonNode probe) {
        for (JsonNode stream : probe.path("streams")) {
            if (stream.path("codec_type").asText().equals("video")) {
                return stream.path("codec_name").asText();
            }
        }
        return null;
    }

    public static double seconds(JsonNode probe) {
        return probe.path("format").path("duration").asDouble();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
