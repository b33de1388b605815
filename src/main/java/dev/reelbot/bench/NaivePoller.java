package dev.reelbot.bench;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.VideoRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline the bot is measured against: a naive bot as many are written. It keeps its jobs in memory only,
 * sends each create on one of its {@value #THREADS} scheduled threads, posts the message, then polls every
 * {@link #INTERVAL} whatever the job is doing, edits the message whenever the progress changed (skipping an edit
 * the platform refuses), and when the job is done downloads the video, uploads it and shows the final view
 * (retrying that after a rate limit). Same API client, same chat and same load as the bot.
 *
 * <p>Its chat calls go out as a JDA bot's {@code queue()} sends them: on threads of their own (up to
 * {@value #CHAT_THREADS} at once, OkHttp's default for one client), one after another for each message, while the
 * poll threads go on. Were they made on the poll threads, every 50 ms chat call would hold one of the eight, and
 * under a thousand jobs the "2 s" poller would poll each job every 6 s or so: no longer the fixed-interval peer the
 * bot is judged against.
 *
 * <p>Threading: each job's polls run one after another on the pool (a poll is scheduled only once the previous
 * one has finished), its chat calls one after another on the chat threads; the counters are thread-safe.
 */
final class NaivePoller implements AutoCloseable {
    static final int THREADS = 8;
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final int CHAT_THREADS = 64;

    private final VideoApi api;
    private final Map<String, ChatPort> chats;
    private final Path videoDir;
    private final ScheduledThreadPoolExecutor pool =
            new ScheduledThreadPoolExecutor(THREADS, DaemonThreads.numbered("baseline"));
    private final ExecutorService chatThreads =
            Executors.newFixedThreadPool(CHAT_THREADS, DaemonThreads.numbered("baseline-chat"));
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    /** How each job ended, by prompt. */
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    NaivePoller(VideoApi api, List<ChatPort> chats, Path videoDir) {
        this.api = api;
        this.chats = new ConcurrentHashMap<>();
        chats.forEach(chat -> this.chats.put(chat.platform(), chat));
        this.videoDir = videoDir;
    }

    /** One job as the naive bot keeps it. */
    private static final class NaiveJob {
        final String id;
        final Requester who;
        final VideoRequest request;
        String taskId;
        /** The job's chat calls, in order: each runs on the chat threads once the one before it is done. */
        volatile CompletableFuture<Void> chatLane = CompletableFuture.completedFuture(null);
        /** Written and read on the chat threads only (one at a time, in the lane's order). */
        MessageRef message;
        /** The progress of the last edit asked for; set back when it was refused, so a later poll asks again. */
        volatile int askedProgress = -1;

        NaiveJob(String id, Requester who, VideoRequest request) {
            this.id = id;
            this.who = who;
            this.request = request;
        }
    }

    /** Takes a command ({@code prompt --duration N}); its create goes out on the pool. */
    void handle(Requester who, String text) {
        String prompt = text.contains(" --") ? text.substring(0, text.indexOf(" --")) : text;
        NaiveJob job = new NaiveJob("n" + ids.incrementAndGet(), who,
                VideoRequest.builder(prompt, "sora-2").seconds(4).build());
        active.incrementAndGet();
        pool.execute(() -> create(job));
    }

    private void create(NaiveJob job) {
        try {
            job.taskId = api.create(job.request).taskId();
        } catch (VideoApiException e) {
            finish(job, "NOT_SUBMITTED");
            return;
        }
        job.askedProgress = 0;
        inLane(job, () -> show(job, 0));
        pool.schedule(() -> poll(job), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll(NaiveJob job) {
        TaskStatus status;
        try {
            status = api.get(job.taskId);
        } catch (VideoApiException e) {
            pool.schedule(() -> poll(job), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (status.phase() == TaskPhase.COMPLETED) {
            deliver(job, status);
        } else if (status.phase() == TaskPhase.FAILED) {
            showFinal(job, "FAILED");
        } else {
            int progress = status.progress() == null ? 0 : status.progress();
            if (progress != job.askedProgress) {
                job.askedProgress = progress;
                inLane(job, () -> show(job, progress));
            }
            pool.schedule(() -> poll(job), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Queues a chat call of {@code job} behind its earlier ones (called from the job's poll, one at a time). */
    private void inLane(NaiveJob job, Runnable call) {
        job.chatLane = job.chatLane.thenRunAsync(call, chatThreads);
    }

    /** Posts the message with {@code progress}, or edits it; a refused call is dropped, and a later poll asks again. */
    private void show(NaiveJob job, int progress) {
        try {
            put(job, view(job, progress, false));
        } catch (ChatException skipped) {
            job.askedProgress = -1;
        }
    }

    private void put(NaiveJob job, JobView view) throws ChatException {
        if (job.message == null) {
            job.message = chat(job).post(job.who.conversation(), view, new PostKey(job.id, false));
        } else {
            chat(job).edit(job.message, view);
        }
    }

    /** Downloads the video (on the poll thread, as a naive bot does), then uploads it and shows the final view. */
    private void deliver(NaiveJob job, TaskStatus status) {
        Path file = videoDir.resolve(job.id + ".mp4");
        VideoDownload download;
        try {
            download = api.download(job.taskId, status.videoUrl(), 100L << 20, file);
        } catch (VideoApiException e) {
            deleteQuietly(file);
            showFinal(job, "UNDELIVERED");
            return;
        }
        inLane(job, () -> {
            String outcome = "COMPLETED";
            try {
                if (download instanceof VideoDownload.Saved saved && job.message != null) {
                    chat(job).upload(job.message, new VideoFile(saved.file(), saved.bytes(), job.id + ".mp4",
                            job.request.prompt()), new PostKey(job.id + "-video", false));
                }
            } catch (ChatException e) {
                outcome = "UNDELIVERED";
            } finally {
                deleteQuietly(file);
            }
            showFinalNow(job, outcome);
        });
    }

    /** Shows the final view, trying again after a rate limit until it is shown. */
    private void showFinal(NaiveJob job, String outcome) {
        inLane(job, () -> showFinalNow(job, outcome));
    }

    private void showFinalNow(NaiveJob job, String outcome) {
        try {
            put(job, view(job, 100, true));
            finish(job, outcome);
        } catch (ChatException e) {
            long wait = e.retryAfter().map(Duration::toMillis).orElse(1000L);
            pool.schedule(() -> showFinal(job, outcome), wait, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(NaiveJob job, String outcome) {
        outcomes.put(job.request.prompt(), outcome);
        if (active.decrementAndGet() == 0) {
            synchronized (active) {
                active.notifyAll();
            }
        }
    }

    private ChatPort chat(NaiveJob job) {
        return chats.get(job.who.platform());
    }

    private static JobView view(NaiveJob job, int progress, boolean isFinal) {
        return new JobView(job.id, isFinal ? "Done" : "Generating", job.request.prompt(), job.who.user(), "sora-2",
                isFinal ? "done" : "generating", isFinal ? null : progress + "%", "", null, isFinal, List.of());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover download in the bench's temporary directory goes with it.
        }
    }

    int activeCount() {
        return active.get();
    }

    /** Waits until every job has finished, or the timeout passes; returns whether all have. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (active) {
            while (active.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                active.wait(Math.min(left, 500));
            }
        }
        return true;
    }

    /** How the job with {@code prompt} ended, or {@code null} while it runs. */
    String outcomeOf(String prompt) {
        return outcomes.get(prompt);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        chatThreads.shutdownNow();
    }
}
