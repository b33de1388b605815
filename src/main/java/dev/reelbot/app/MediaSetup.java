package dev.reelbot.app;

import dev.reelbot.config.MediaConfig;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.config.S3MediaConfig;
import dev.reelbot.core.MediaLinks;
import dev.reelbot.core.MediaStore;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.deliver.MediaSweeper;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.media.S3MediaStore;
import dev.reelbot.media.S3Target;
import dev.reelbot.web.Health;
import dev.reelbot.web.MediaRoutes;
import dev.reelbot.web.SignedLinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The media side of {@code run}, wired by hand: the media store (the S3 bucket of {@code media.s3} when set, which
 * every instance shares, else the local {@code media.dir}, partial files of a crash removed), ffmpeg as found at
 * start-up, the signed links and their route when {@code server.public-url} is set, and the sweeper that keeps the
 * store within {@code media.retention} and {@code media.max-total-size}.
 *
 * @param store       the media store
 * @param where       which store it is, for the log: the bucket or the directory (no credentials)
 * @param transcoding ffmpeg, or why there is none
 * @param links       the bot's own links, or empty without a public URL
 */
public record MediaSetup(MediaStore store, String where, Transcoding transcoding, Optional<SignedLinks> links)
        implements AutoCloseable {
    /** How often the sweeper looks at the store. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    public static MediaSetup open(ReelbotConfig cfg, Transcoding transcoding) {
        Optional<SignedLinks> links = cfg.media().publicUrl().flatMap(url -> cfg.media().linkSecret()
                .map(secret -> new SignedLinks(url, secret)));
        MediaConfig media = cfg.media();
        if (media.s3().isPresent()) {
            S3Target target = target(media.s3().get());
            // Nothing is sent yet: a bucket that does not answer shows in /healthz, and run starts regardless.
            return new MediaSetup(S3MediaStore.connect(target), "S3 bucket " + target.describe(), transcoding, links);
        }
        return new MediaSetup(LocalMediaStore.open(media.dir()), "local directory " + media.dir().toAbsolutePath(),
                transcoding, links);
    }

    /**
     * For {@code check-config}: which media store the config names and whether it answers now, without changing
     * anything (the local directory is not created).
     */
    public static StoreCheck check(MediaConfig media) {
        if (media.s3().isEmpty()) {
            return local(media.dir());
        }
        S3MediaConfig s3 = media.s3().get();
        String store = "S3 bucket " + target(s3).describe() + ", signing in with " + s3.credentials();
        try (S3MediaStore opened = S3MediaStore.connect(target(s3))) {
            opened.probe();
            return new StoreCheck(store, Optional.empty());
        } catch (IOException e) {
            return new StoreCheck(store, Optional.of(e.getMessage()));
        }
    }

    private static StoreCheck local(Path dir) {
        String store = "local directory " + dir.toAbsolutePath();
        if (Files.isDirectory(dir)) {
            return new StoreCheck(store, Files.isWritable(dir) ? Optional.empty()
                    : Optional.of(dir.toAbsolutePath() + " is not writable"));
        }
        Path parent = dir.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        return parent != null && Files.isDirectory(parent) && Files.isWritable(parent)
                ? new StoreCheck(store + " (run creates it)", Optional.empty())
                : new StoreCheck(store, Optional.of(dir.toAbsolutePath() + " does not exist and cannot be created "
                        + "under " + parent));
    }

    /** What {@link #check} found: the store, and why it does not answer, in a sentence (empty when it does). */
    public record StoreCheck(String store, Optional<String> problem) {
    }

    /** For {@code /healthz}: UP with what the store is, DEGRADED (links and notices suffer, jobs go on) when down. */
    public Health health() {
        try {
            return Health.up(store.probe());
        } catch (IOException e) {
            return Health.degraded(e.getMessage());
        }
    }

    /** What the engine gets: the store, ffmpeg, and the links. */
    public MediaParts parts() {
        return new MediaParts(Optional.of(store), transcoding.tool(), links.map(l -> (MediaLinks) l));
    }

    /** The route serving the links, or {@code null} without them. */
    public MediaRoutes routes(Clock clock) {
        return links.map(l -> new MediaRoutes(l, store, clock)).orElse(null);
    }

    /** Sweeps the store now and every ten minutes; the sweeps run on {@code worker}, triggered by the scheduler. */
    public void startSweeper(ReelbotConfig cfg, ScheduledExecutorService scheduler, Executor worker, Clock clock) {
        new MediaSweeper(store, cfg.media().retention(), cfg.media().maxTotalBytes(), clock).start(scheduler, worker,
                SWEEP_EVERY);
    }

    /** Closes the S3 client's connections; a local store holds nothing open. */
    @Override
    public void close() {
        if (store instanceof S3MediaStore s3) {
            s3.close();
        }
    }

    private static S3Target target(S3MediaConfig s3) {
        return new S3Target(s3.bucket(), s3.endpoint(), s3.region(), s3.pathStyle(), s3.prefix(), s3.accessKeyId(),
                s3.secretAccessKey());
    }
}
