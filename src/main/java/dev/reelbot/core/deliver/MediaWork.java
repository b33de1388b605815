package dev.reelbot.core.deliver;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.MediaLinks;
import dev.reelbot.core.MediaStore;
import dev.reelbot.core.TranscodeException;
import dev.reelbot.core.Transcoder;
import dev.reelbot.core.job.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media stage of a delivery, between the download and the upload: keeps the original in the media store and
 * takes its poster frame (short work, on the downloads' pool), then fits it under the channel's upload limit when
 * it is over, on a pool of its own ({@code delivery.transcode-workers}), so a long transcode holds up no other job's
 * delivery. Each part that fails is logged and left out; the delivery goes on with what there is (a failed fit
 * means the video is linked, never that it is not delivered).
 *
 * <p>Threading: {@link #start} is called by a job's step on a worker; the work runs on the pools and only completes
 * its future; the job is woken when each part is done.
 */
final class MediaWork {
    private static final Logger log = LoggerFactory.getLogger(MediaWork.class);

    /** The lane of keeping videos on the downloads' pool: at most half its threads, like one host's downloads. */
    private static final String KEEP_LANE = "media store";

    private final MediaParts parts;
    private final MediaSettings settings;
    private final Offload keeping;
    private final Offload fitting;
    private final Path workDir;
    private final EngineMetrics metrics;

    /**
     * @param keeping the downloads' pool, for keeping videos and taking poster frames
     * @param fitting the transcodes' own pool
     */
    MediaWork(MediaParts parts, MediaSettings settings, Offload keeping, Offload fitting, Path workDir,
              EngineMetrics metrics) {
        this.parts = parts;
        this.settings = settings;
        this.keeping = keeping;
        this.fitting = fitting;
        this.workDir = workDir;
        this.metrics = metrics;
    }

    /**
     * A downloaded video and what the media stage made of it.
     *
     * @param original    the downloaded file
     * @param bytes       its size
     * @param apiLink     the video API's link to it, or {@code null}
     * @param kept        where the store keeps it (see {@link MediaStore#describe}), or {@code null}
     * @param poster      whether its poster frame is in the store
     * @param fitted      a copy fitted under {@code fittedUnder}, or {@code null}
     * @param fittedBytes that copy's size
     * @param fittedUnder the limit it was fitted under (0: no fit was tried)
     * @param fitProblem  why fitting failed, in words, or {@code null}
     */
    record Prepared(Path original, long bytes, String apiLink, String kept, boolean poster, Path fitted,
                    long fittedBytes, long fittedUnder, String fitProblem) {

        static Prepared downloaded(Path original, long bytes, String apiLink) {
            return new Prepared(original, bytes, apiLink, null, false, null, 0, 0, null);
        }

        private Prepared kept(String where, boolean withPoster) {
            return new Prepared(original, bytes, apiLink, where, withPoster, fitted, fittedBytes, fittedUnder,
                    fitProblem);
        }

        private Prepared fit(Path file, long size, long under, String problem) {
            return new Prepared(original, bytes, apiLink, kept, poster, file, size, under, problem);
        }
    }

    /** Whether videos over a limit can be fitted under it here. */
    boolean canFit() {
        return settings.transcode() && parts.transcoder().isPresent();
    }

    /** The bot's own links, when it serves them (they need the store to hold the video). */
    boolean servesLinks() {
        return parts.links().isPresent() && parts.store().isPresent();
    }

    /**
     * Starts the stage for {@code job}: keeps the original (once), takes its poster frame when the bot serves links,
     * and fits it under {@code fitUnder} when that is above 0 and fitting is possible.
     */
    CompletableFuture<Prepared> start(Job job, Prepared from, long fitUnder) {
        String id = job.id();
        CompletableFuture<Prepared> kept = from.kept() != null || parts.store().isEmpty()
                ? CompletableFuture.completedFuture(from) : keeping.run(id, KEEP_LANE, () -> keep(id, from));
        if (fitUnder <= 0 || !canFit()) {
            return kept;
        }
        return kept.thenCompose(prepared -> fitting.run(id, id, () -> fit(id, prepared, fitUnder)));
    }

    MediaLinks links() {
        return parts.links().orElseThrow();
    }

    Duration linkLifetime() {
        return settings.linkLifetime();
    }

    private Prepared keep(String id, Prepared from) {
        MediaStore store = parts.store().get();
        String key = id + ".mp4";
        try {
            store.putFile(key, from.original());
        } catch (IOException e) {
            log.error("job={} could not keep the video in the media store", id, e);
            return from;
        }
        boolean poster = servesLinks() && parts.transcoder().isPresent() && poster(id, from.original(), store);
        return from.kept(store.describe(key), poster);
    }

    private boolean poster(String id, Path original, MediaStore store) {
        Path frame = workDir.resolve(id + ".jpg");
        try {
            parts.transcoder().get().poster(original, frame);
            store.putFile(id + ".jpg", frame);
            return true;
        } catch (TranscodeException e) {
            log.warn("job={} no poster frame: {} ({})", id, e.getMessage(), e.detail());
            return false;
        } catch (IOException e) {
            log.error("job={} could not keep the poster frame", id, e);
            return false;
        } finally {
            deleteQuietly(frame);
        }
    }

    private Prepared fit(String id, Prepared from, long under) {
        Path target = workDir.resolve(id + ".fitted.mp4");
        long started = System.nanoTime();
        try {
            Transcoder.Fitted fitted = parts.transcoder().get().fit(from.original(), under, target);
            metrics.transcode(fitted.took(), "fitted");
            log.info("job={} fitted {} bytes into {} ({}, {} s) under {} in {} ms", id, from.bytes(),
                    fitted.bytes(), fitted.size(), fitted.duration().toSeconds(), under, fitted.took().toMillis());
            return from.fit(target, fitted.bytes(), under, null);
        } catch (TranscodeException e) {
            metrics.transcode(Duration.ofNanos(System.nanoTime() - started), "failed");
            log.warn("job={} could not fit the video under {} bytes: {} ({})", id, under, e.getMessage(),
                    e.detail());
            deleteQuietly(target);
            return from.fit(null, 0, under, e.getMessage());
        }
    }

    /** Removes the stage's files once the delivery is over. */
    static void release(Prepared prepared) {
        if (prepared != null) {
            deleteQuietly(prepared.original());
            if (prepared.fitted() != null) {
                deleteQuietly(prepared.fitted());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
