package dev.reelbot.core.engine;

import dev.reelbot.core.job.FinishSample;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learned finish times: the latest {@value #SAMPLES} completed jobs of each model and requested duration (see
 * {@link FinishSample}), and the {@link RunModel} they make. Latest by submission, not by completion: among jobs
 * submitted together the last to complete are the longest, so after a burst the latest completions would all be
 * long runs, and the windows learned from them would open after every short run had finished. Kept in the store:
 * read at start, and every {@link #SYNC_EVERY} (and at a graceful stop) this process adds the samples it learned
 * and reads back the latest of every kind, so instances sharing a database learn from each other's jobs within
 * seconds.
 *
 * <p>Threading: thread-safe. Workers call {@link #learn} and {@link #model}; each kind is guarded by its own lock,
 * held briefly; one sync with the store runs at a time, on the worker whose call found it due.
 */
final class FinishTimes {
    private static final Logger log = LoggerFactory.getLogger(FinishTimes.class);
    /** Samples used of each kind: recent enough to follow a model getting slower, many enough to trust. */
    static final int SAMPLES = 100;
    /** Samples kept in the store of each kind (a margin over {@link #SAMPLES} for instances saving at once). */
    static final int KEPT = 2 * SAMPLES;
    static final Duration SYNC_EVERY = Duration.ofSeconds(10);
    /** Samples learned between two models of a kind (see {@link Kind}): a tenth of what a model is made of. */
    static final int REMODEL_EVERY = SAMPLES / 10;

    private static final Comparator<FinishSample> BY_SUBMISSION =
            Comparator.comparing(FinishSample::submittedAt).thenComparing(FinishSample::jobId);

    private final JobStore store;
    private final Clock clock;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final List<FinishSample> unsaved = new ArrayList<>();
    private final AtomicBoolean syncing = new AtomicBoolean();
    private volatile Instant syncedAt = Instant.EPOCH;

    FinishTimes(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * One model at one requested duration. Its model is made again once {@link #REMODEL_EVERY} samples came since
     * the last (or as soon as there are enough for a first): a model is a few sorts of the samples, and with
     * thousands of jobs finishing a minute, making it anew for each one cost more than polling them.
     */
    private static final class Kind {
        /** By submission, then job id; at most {@link #SAMPLES}, the earliest submitted dropped first. */
        private final TreeSet<FinishSample> samples = new TreeSet<>(BY_SUBMISSION);
        private int sinceModel;
        private volatile Optional<RunModel> model = Optional.empty();

        synchronized void add(FinishSample sample) {
            keep(List.of(sample));
            if (++sinceModel >= REMODEL_EVERY || model.isEmpty()) {
                remodel();
            }
        }

        /** Adds every sample of {@code read}, then makes the model once. */
        synchronized void addAll(List<FinishSample> read) {
            keep(read);
            remodel();
        }

        private void keep(List<FinishSample> added) {
            samples.addAll(added);
            while (samples.size() > SAMPLES) {
                samples.pollFirst();
            }
        }

        private void remodel() {
            sinceModel = 0;
            model = RunModel.of(List.copyOf(samples));
        }
    }

    /** Reads what every instance learned (at start); a store that cannot say only means learning starts over. */
    void load() {
        try {
            replaceWith(store.finishSamples(SAMPLES));
        } catch (StoreException e) {
            log.warn("could not read the learned finish times; learning them again: {}", e.getMessage());
        }
    }

    /** What the jobs of {@code job}'s model and requested duration taught, or empty while too few completed. */
    Optional<RunModel> model(Job job) {
        Kind kind = kinds.get(key(job.request().model(), seconds(job)));
        return kind == null ? Optional.empty() : kind.model;
    }

    /** Learns from a job seen completed by {@code answeredMillis} after its submission, as its polls saw it. */
    void learn(Job job, ProgressLog polls, long answeredMillis) {
        Instant submitted = job.times().submittedAt();
        FinishSample sample = submitted == null ? null
                : polls.sample(job.id(), job.request().model(), seconds(job), submitted, answeredMillis);
        if (sample == null) {
            return;
        }
        kinds.computeIfAbsent(key(sample.model(), sample.seconds()), k -> new Kind()).add(sample);
        synchronized (unsaved) {
            unsaved.add(sample);
        }
        if (!clock.instant().isBefore(syncedAt.plus(SYNC_EVERY))) {
            sync();
        }
    }

    /**
     * Adds what this process learned to the store and reads back the latest of every kind, everyone's; what could
     * not be saved is kept for the next try (at most {@link #KEPT}).
     */
    void sync() {
        if (!syncing.compareAndSet(false, true)) {
            return;
        }
        List<FinishSample> batch;
        synchronized (unsaved) {
            batch = List.copyOf(unsaved);
            unsaved.clear();
        }
        try {
            syncedAt = clock.instant();
            store.addFinishSamples(batch, KEPT);
            replaceWith(store.finishSamples(SAMPLES));
        } catch (StoreException e) {
            log.warn("could not save the learned finish times; keeping them to try again: {}", e.getMessage());
            synchronized (unsaved) {
                unsaved.addAll(0, batch);
                unsaved.subList(0, Math.max(0, unsaved.size() - KEPT)).clear();
            }
        } finally {
            syncing.set(false);
        }
    }

    private void replaceWith(List<FinishSample> stored) {
        Map<String, List<FinishSample>> read = new HashMap<>();
        for (FinishSample sample : stored) {
            read.computeIfAbsent(key(sample.model(), sample.seconds()), k -> new ArrayList<>()).add(sample);
        }
        synchronized (unsaved) {
            for (FinishSample sample : unsaved) {
                read.computeIfAbsent(key(sample.model(), sample.seconds()), k -> new ArrayList<>()).add(sample);
            }
        }
        read.forEach((key, samples) -> {
            Kind kind = new Kind();
            kind.addAll(samples);
            kinds.put(key, kind);
        });
    }

    private static String key(String model, int seconds) {
        return model + "\n" + seconds;
    }

    private static int seconds(Job job) {
        return job.request().seconds() == null ? 0 : job.request().seconds();
    }
}
