package dev.reelbot.bench;

import dev.reelbot.core.TranscodeException;
import dev.reelbot.core.Transcoder;
import dev.reelbot.media.Ffmpeg;
import dev.reelbot.media.FfmpegTranscoder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench --transcode}: how long fitting one video under a chat's upload limit takes on this machine, and what
 * comes out. The clip is made first with ffmpeg (its moving test pattern with film grain, at a Sora-like bitrate),
 * then fitted by the same {@link FfmpegTranscoder} deliveries use; the figures are one per line.
 *
 * @param seconds the clip's length
 * @param width   its width
 * @param height  its height
 * @param limit   the upload limit to fit under, in bytes
 */
public record TranscodeBench(int seconds, int width, int height, long limit) {
    private static final int SOURCE_KBPS = 20_000;

    public void run(Ffmpeg ffmpeg, Path dir, PrintStream out) throws IOException, InterruptedException,
            TranscodeException {
        Path source = dir.resolve("source.mp4");
        makeClip(ffmpeg, source);
        line(out, "source", "%d s, %dx%d H.264/AAC, %.1f MB (test pattern with grain, %d kbit/s)", seconds, width,
                height, mb(Files.size(source)), SOURCE_KBPS);
        line(out, "upload limit", "%.1f MB", mb(limit));
        Transcoder transcoder = new FfmpegTranscoder(ffmpeg, Duration.ofMinutes(30));
        Transcoder.Fitted fitted = transcoder.fit(source, limit, dir.resolve("fitted.mp4"));
        line(out, "time", "%.1f s (%.2f× the clip's length)", fitted.took().toMillis() / 1000.0,
                fitted.took().toMillis() / 1000.0 / seconds);
        line(out, "output", "%.1f MB (%.0f%% of the limit), %s, %.1f s", mb(fitted.bytes()),
                100.0 * fitted.bytes() / limit, fitted.size(), fitted.duration().toMillis() / 1000.0);
        long posterStart = System.nanoTime();
        transcoder.poster(source, dir.resolve("poster.jpg"));
        line(out, "poster frame time", "%.2f s (%d KB)", (System.nanoTime() - posterStart) / 1e9,
                Files.size(dir.resolve("poster.jpg")) >> 10);
    }

    private void makeClip(Ffmpeg ffmpeg, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(ffmpeg.ffmpeg().toString(), "-hide_banner", "-nostdin",
                "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height
                        + ":rate=30:duration=" + seconds, "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-vf", "noise=alls=10:allf=t", "-c:v", "libx264", "-preset", "veryfast", "-b:v", SOURCE_KBPS + "k",
                "-maxrate", SOURCE_KBPS + "k", "-bufsize", 2 * SOURCE_KBPS + "k", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-b:a", "128k", "-shortest", file.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("ffmpeg could not make the benchmark clip");
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024);
    }

    private static void line(PrintStream out, String label, String format, Object... values) {
        out.println("transcode: " + label + ": " + String.format(Locale.ROOT, format, values));
    }
}
