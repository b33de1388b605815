package dev.reelbot.media;

import dev.reelbot.core.TranscodeException;
import dev.reelbot.core.Transcoder;
import dev.reelbot.core.text.HumanFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits videos under a chat's upload limit with the system's ffmpeg: ffprobe reads the length and size, a
 * {@link FitPlan} picks the bitrate and resolution, ffmpeg encodes H.264/AAC with {@code +faststart} (the index
 * first, so a player starts before the whole file arrived), and the result is measured: one that came out over the
 * limit is encoded once more, smaller. Every call has one time limit for all of its runs of ffmpeg.
 *
 * <p>Threading: thread-safe (no state); each call blocks until ffmpeg is done or killed.
 */
public final class FfmpegTranscoder implements Transcoder {
    private static final Logger log = LoggerFactory.getLogger(FfmpegTranscoder.class);

    private final Ffmpeg ffmpeg;
    private final Duration timeout;

    public FfmpegTranscoder(Ffmpeg ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return ffmpeg.describe();
    }

    @Override
    public Fitted fit(Path source, long maxBytes, Path target) throws TranscodeException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        MediaInfo info = probe(source, deadline);
        FitPlan plan = FitPlan.forLimit(info, maxBytes);
        if (plan == null) {
            throw new TranscodeException("the video is too long to fit in " + HumanFormat.bytes(maxBytes)
                    + " at a watchable quality", info.duration().toSeconds() + " s");
        }
        long made = encode(source, plan, info, target, deadline);
        if (made > maxBytes) {
            log.info("transcode of {} came out {} bytes for a limit of {}; encoding it once more, smaller", source,
                    made, maxBytes);
            plan = plan.shrunk(info, maxBytes, made);
            if (plan == null) {
                throw new TranscodeException("the video does not fit in " + HumanFormat.bytes(maxBytes), null);
            }
            made = encode(source, plan, info, target, deadline);
            if (made > maxBytes) {
                throw new TranscodeException("the compressed video still came out over " + HumanFormat.bytes(maxBytes),
                        made + " bytes");
            }
        }
        MediaInfo out = probe(target, deadline);
        return new Fitted(made, out.size(), out.duration(), Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void poster(Path source, Path target) throws TranscodeException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MediaInfo info = probe(source, deadline);
        // A frame a little way in: the very first is often black or a fade.
        double at = Math.min(1.0, info.duration().toMillis() / 1000.0 / 4);
        List<String> command = new ArrayList<>(List.of(ffmpeg.ffmpeg().toString(), "-hide_banner", "-nostdin",
                "-loglevel", "error", "-y", "-ss", String.format(Locale.ROOT, "%.3f", at), "-i", source.toString(),
                "-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-q:v", "3", "-f", "image2", target.toString()));
        Processes.Finished done = run(command, deadline, "taking the poster frame");
        if (done.exit() != 0 || !Files.isRegularFile(target)) {
            throw new TranscodeException("ffmpeg could not take a poster frame", done.tail());
        }
    }

    /** Encodes with {@code plan}; returns the size of what it made. */
    private long encode(Path source, FitPlan plan, MediaInfo info, Path target, long deadline)
            throws TranscodeException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.ffmpeg().toString(), "-hide_banner", "-nostdin",
                "-loglevel", "error", "-y", "-i", source.toString()));
        command.addAll(plan.encoderArgs(info));
        command.add(target.toString());
        Processes.Finished done = run(command, deadline, "transcoding");
        try {
            if (done.exit() != 0 || !Files.isRegularFile(target)) {
                throw new TranscodeException("ffmpeg could not transcode the video", done.tail());
            }
            return Files.size(target);
        } catch (IOException e) {
            throw new TranscodeException("the transcoded video could not be read", e.toString(), e);
        }
    }

    private MediaInfo probe(Path file, long deadline) throws TranscodeException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.ffprobe().toString()));
        command.addAll(List.of(MediaInfo.PROBE_ARGS));
        command.add(file.toString());
        Processes.Finished done = run(command, deadline, "reading the video");
        try {
            if (done.exit() != 0) {
                throw new IOException(done.tail());
            }
            return MediaInfo.parse(done.output());
        } catch (IOException e) {
            throw new TranscodeException("ffprobe could not read the video", e.getMessage(), e);
        }
    }

    private Processes.Finished run(List<String> command, long deadline, String what) throws TranscodeException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TranscodeException("transcoding took longer than delivery.transcode-timeout ("
                    + timeout.toSeconds() + " s)", null);
        }
        try {
            return Processes.run(command, Duration.ofNanos(left));
        } catch (TimeoutException e) {
            throw new TranscodeException("transcoding took longer than delivery.transcode-timeout ("
                    + timeout.toSeconds() + " s)", what + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TranscodeException("ffmpeg could not be run", e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscodeException("transcoding was stopped (the bot is shutting down)", what, e);
        }
    }
}
