package dev.reelbot.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video of {@code [big]} jobs: a real, playable 8-second 1280x720 H.264/AAC clip of over 10 MiB, like a
 * Sora-style result, made with the system's ffmpeg from its own test sources (a moving pattern with grain, which
 * compresses badly, and a tone) and cached in the temporary directory, so it is made once per machine. Without
 * ffmpeg there is none, and the simulator falls back to the padded sample (see {@link SampleVideo}).
 *
 * <p>Threading: started at the simulator's start on a daemon thread of its own; request threads wait for it.
 */
final class BigVideo {
    static final long MIN_SIZE = 10L * 1024 * 1024 + 1;
    static final String FORMAT = "8 s, 1280x720, H.264/AAC";
    private static final Logger log = LoggerFactory.getLogger(BigVideo.class);
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "reelbot-simulator",
            "big-1280x720-8s-v1.mp4");
    private static final long WAIT_SECONDS = 120;

    private final CompletableFuture<Optional<Path>> file;

    private BigVideo(CompletableFuture<Optional<Path>> file) {
        this.file = file;
    }

    /** Uses the cached clip, or starts making it. */
    static BigVideo prepare() {
        if (isComplete(CACHE)) {
            return new BigVideo(CompletableFuture.completedFuture(Optional.of(CACHE)));
        }
        CompletableFuture<Optional<Path>> making = new CompletableFuture<>();
        Thread thread = new Thread(() -> making.complete(make()), "simulator-big-video");
        thread.setDaemon(true);
        thread.start();
        return new BigVideo(making);
    }

    /** The clip, once made; empty when ffmpeg could not make it. */
    Optional<Path> file() {
        try {
            return file.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("simulator: the [big] video is not ready ({}); serving the padded sample", e.toString());
            return Optional.empty();
        }
    }

    /** What {@code [big]} serves, for the start-up line: a real clip, or why not. */
    String describe() {
        return file().map(f -> "a real " + FORMAT + " clip over 10 MiB (made with ffmpeg, cached in "
                + f.getParent() + ")").orElse("ffmpeg was not found, so the 4 s sample padded to 11 MiB (plays, but "
                + "is not a real large video)");
    }

    private static Optional<Path> make() {
        Path part = CACHE.resolveSibling(CACHE.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(CACHE.getParent());
            Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=24:duration=8", "-f", "lavfi", "-i",
                    "sine=frequency=330:duration=8", "-vf", "noise=alls=14:allf=t", "-c:v", "libx264", "-preset",
                    "ultrafast", "-b:v", "12M", "-maxrate", "12M", "-bufsize", "24M", "-pix_fmt", "yuv420p", "-c:a",
                    "aac", "-b:a", "128k", "-shortest", "-movflags", "+faststart", "-f", "mp4", part.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!ffmpeg.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                ffmpeg.destroyForcibly();
                throw new IOException("ffmpeg took longer than " + WAIT_SECONDS + " s");
            }
            if (ffmpeg.exitValue() != 0 || !isComplete(part)) {
                throw new IOException("ffmpeg failed (exit " + ffmpeg.exitValue() + ")");
            }
            Files.move(part, CACHE, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("simulator: made the [big] video ({} bytes) at {}", Files.size(CACHE), CACHE);
            return Optional.of(CACHE);
        } catch (IOException e) {
            log.warn("simulator: could not make the [big] video with ffmpeg ({}); [big] serves the 4 s sample padded "
                    + "to 11 MiB instead", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                log.debug("simulator: could not remove {}: {}", part, e.toString());
            }
        }
    }

    private static boolean isComplete(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) >= MIN_SIZE;
        } catch (IOException e) {
            return false;
        }
    }
}
