package dev.reelbot.core.engine;

import dev.reelbot.core.deliver.DownloadSettings;
import dev.reelbot.core.deliver.MediaSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the engine paces itself.
 *
 * @param tick               how often the scheduler looks for due jobs
 * @param minPollInterval    the quickest a job is polled (at first, and near its end)
 * @param maxPollInterval    the slowest a long job is polled
 * @param jitter             the +/- share added to every interval so jobs do not poll in lockstep
 * @param workers            threads doing the blocking work of job steps (API calls, chat calls, uploads)
 * @param submitWorkers      create requests in flight at once, each on a thread of its own apart from the workers,
 *                           so an API whose creates hang never holds up polls, edits and deliveries of other jobs,
 *                           and a burst of commands to a gateway slow to answer creates is not sent a few at a time
 * @param maxApiCalls        status calls in flight at once, across all jobs (creates are bounded by the submit
 *                           workers, downloads by their own pool)
 * @param noProgressTimeout  a running job whose progress has not moved for this long is given up on
 * @param lostAfter          "task does not exist" answers in a row before a job counts as lost
 * @param editInterval       the least time between two edits of one message (final views skip it)
 * @param heartbeat          a message whose only change is its elapsed time is edited at most this often
 * @param deliveryAttempts   fetch-and-upload attempts before a delivery fails
 * @param videoDir           where videos are downloaded to
 * @param downloads          the downloads' own pool, deadline and minimum rate
 * @param media              transcoding (on its own pool) and the lifetime of the links the bot serves
 * @param adminLocale        the language of the admins' notices ({@code messages.admin-locale}: en, zh-CN, es)
 */
public record EngineSettings(
        Duration tick,
        Duration minPollInterval,
        Duration maxPollInterval,
        double jitter,
        int workers,
        int submitWorkers,
        int maxApiCalls,
        Duration noProgressTimeout,
        int lostAfter,
        Duration editInterval,
        Duration heartbeat,
        int deliveryAttempts,
        Path videoDir,
        DownloadSettings downloads,
        MediaSettings media,
        String adminLocale) {

    /** The same settings with {@code count} workers. */
    public EngineSettings withWorkers(int count) {
        return new EngineSettings(tick, minPollInterval, maxPollInterval, jitter, count, submitWorkers, maxApiCalls,
                noProgressTimeout, lostAfter, editInterval, heartbeat, deliveryAttempts, videoDir, downloads, media,
                adminLocale);
    }

    /** The same settings, downloading videos to {@code dir}. */
    public EngineSettings withVideoDir(Path dir) {
        return new EngineSettings(tick, minPollInterval, maxPollInterval, jitter, workers, submitWorkers, maxApiCalls,
                noProgressTimeout, lostAfter, editInterval, heartbeat, deliveryAttempts, dir, downloads, media,
                adminLocale);
    }

    /** The same settings with {@code newMedia}. */
    public EngineSettings withMedia(MediaSettings newMedia) {
        return new EngineSettings(tick, minPollInterval, maxPollInterval, jitter, workers, submitWorkers, maxApiCalls,
                noProgressTimeout, lostAfter, editInterval, heartbeat, deliveryAttempts, videoDir, downloads, newMedia,
                adminLocale);
    }

    /** The same settings, with admin notices in {@code locale}. */
    public EngineSettings withAdminLocale(String locale) {
        return new EngineSettings(tick, minPollInterval, maxPollInterval, jitter, workers, submitWorkers, maxApiCalls,
                noProgressTimeout, lostAfter, editInterval, heartbeat, deliveryAttempts, videoDir, downloads, media,
                locale);
    }

    /** The defaults documented in config/reelbot.example.yaml. */
    public static EngineSettings defaults(Path videoDir) {
        return new EngineSettings(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), 0.2, 32, 128, 8,
                Duration.ofMinutes(15), 3, Duration.ofSeconds(3), Duration.ofSeconds(60), 5, videoDir,
                DownloadSettings.DEFAULTS, MediaSettings.DEFAULTS, "en");
    }
}
