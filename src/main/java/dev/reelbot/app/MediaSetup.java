package dev.reelbot.app;

import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.core.MediaLinks;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.deliver.MediaSweeper;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.web.MediaRoutes;
import dev.reelbot.web.SignedLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The media side of {@code run}, wired by hand: the local media store ({@code media.dir}, partial files of a crash
 * removed), ffmpeg as found at start-up, the signed links and their route when {@code server.public-url} is set,
 * and the sweeper that keeps the store within {@code media.retention} and {@code media.max-total-size}.
 *
 * @param store       the media store
 * @param transcoding ffmpeg, or why there is none
 * @param links       the bot's own links, or empty without a public URL
 */
public record MediaSetup(LocalMediaStore store, Transcoding transcoding, Optional<SignedLinks> links) {
    /** How often the sweeper looks at the store. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    public static MediaSetup open(ReelbotConfig cfg, Transcoding transcoding) {
        Optional<SignedLinks> links = cfg.media().publicUrl().flatMap(url -> cfg.media().linkSecret()
                .map(secret -> new SignedLinks(url, secret)));
        return new MediaSetup(LocalMediaStore.open(cfg.media().dir()), transcoding, links);
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
}
