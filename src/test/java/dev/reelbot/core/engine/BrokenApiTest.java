package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Reply;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.RecordingChatPort;
import dev.reelbot.testing.TestVideos;
import dev.reelbot.videoapi.TestApis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video API that answers garbage: truncated, huge or malformed bodies, error pages for videos. The engine never
 * crashes, never loses the job, tells the requester, and raises a refund notice for whatever was billed.
 */
class BrokenApiTest {
    private static final String TRUNCATED = "{\"id\":\"task_t\",\"status\":\"que";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final RecordingChatPort chat = new RecordingChatPort("slack");
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private SqliteConnections db;
    private JdbcJobStore store;
    private Engine engine;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** Starts the engine against the mock; {@code answer} maps a request path to the response. */
    private void start(Function<String, MockResponse> answer) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                polls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                return answer.apply(path);
            }
        });
        ModelSpec quick = new ModelSpec("sora-2", "Sora", ModelSpec.DurationField.SECONDS,
                ModelSpec.ImageField.INPUT_REFERENCE, false, List.of(4), List.of("720x1280"), Duration.ofMinutes(5));
        ModelCatalog models = new ModelCatalog(List.of(quick));
        db = SqliteConnections.open(dir.resolve("jobs.db"));
        store = new JdbcJobStore(db);
        VideoApi api = TestApis.forUrl(server.url("/v1").toString(), "key-123456", models, clock,
                Duration.ofSeconds(2));
        engine = new Engine(new Engine.Parts(store, api, List.of(chat), models, Limits.DEFAULTS,
                Quotas.DEFAULTS, new Admins(Set.of()), EngineSettings.defaults(dir.resolve("videos")), 10L << 20,
                "/video"), Runnable::run, clock);
    }

    private Job runOne() {
        Reply reply = engine.commands().handle(EngineHarness.ALICE, "a cat", "k-1");
        assertThat(reply.ok()).isTrue();
        for (int second = 0; second < 600 && engine.trackedCount() > 0; second++) {
            engine.tick();
            clock.advance(Duration.ofSeconds(1));
        }
        Job job = store.find(reply.jobId()).orElseThrow();
        assertThat(job.isSettled()).as("settled: %s", job).isTrue();
        return job;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse job(String status) {
        return json("{\"id\":\"task_1\",\"status\":\"" + status + "\",\"progress\":" + (status.equals("completed")
                ? 100 : 50) + "}");
    }

    private JobView shown(Job job) {
        return (JobView) chat.current(job.message().ref().messageId());
    }

    @Test
    void aTruncatedAnswerToTheCreateIsOutcomeUnknownAndNotResent() {
        start(path -> json(TRUNCATED));

        Job job = runOne();

        assertThat(job.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(polls.get("/v1/videos").get()).isEqualTo(1);
        assertThat(chat.events("notice")).hasSize(1);
        assertThat(shown(job).isFinal()).isTrue();
    }

    @Test
    void hugeAndMalformedStatusAnswersAreRiddenOutUntilARealOne() {
        AtomicInteger gets = new AtomicInteger();
        start(path -> {
            if (path.equals("/v1/videos")) {
                return job("queued");
            }
            if (path.endsWith("/content")) {
                return new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(4096))).build();
            }
            int n = gets.incrementAndGet();
            if (n > 12) {
                return job("completed");
            }
            // Every other answer is broken, in a different way each time; the others are fine.
            return switch (n % 2 == 0 ? 0 : (n / 2) % 6 + 1) {
                case 1 -> json("{\"id\":\"task_1\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
                case 2 -> json(TRUNCATED);
                case 3 -> json("[1,2,3]");
                case 4 -> json("{\"id\":\"task_1\",\"status\":{\"nested\":true},\"progress\":\"banana\"}");
                case 5 -> new MockResponse.Builder().code(200).body("<html>gateway</html>").build();
                case 6 -> json("null");
                default -> job("in_progress");
            };
        });

        Job job = runOne();

        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(chat.events("notice")).isEmpty();
    }

    @Test
    void anApiThatOnlyAnswersGarbageEndsTimedOutWithANotice() {
        start(path -> path.equals("/v1/videos") ? job("queued")
                : new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());

        Job job = runOne();

        assertThat(job.state()).isEqualTo(JobState.TIMED_OUT);
        assertThat(chat.events("notice")).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("ran past the 5m limit"));
        assertThat(shown(job).headline()).isEqualTo("⌛ Timed out");
    }

    @Test
    void anErrorPageServedAsTheVideoIsNeverDeliveredAndTheAdminsAreToldWhereTheVideoIs() {
        start(path -> path.endsWith("/content")
                ? new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                        .body("<html>Not found</html>").build()
                : job(path.equals("/v1/videos") ? "queued" : "completed"));

        Job job = runOne();

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UNDELIVERED);
        assertThat(job.failure().message()).contains("the video API sent something that is not a video");
        assertThat(job.failure().detail()).as("the cause, for the log and /video status").contains("not a video");
        assertThat(chat.events("upload")).isEmpty();
        assertThat(chat.events("notice")).singleElement().satisfies(n -> assertThat(n.text())
                .contains("not kept by the bot: it is at the video API as task"));
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
        assertThat(shown(job).headline()).isEqualTo("📦 Video made, kept for you");
    }

    @Test
    void progressThatIsNotAFiniteNumberIsIgnoredNotShownAsDone() {
        AtomicInteger gets = new AtomicInteger();
        start(path -> {
            if (path.equals("/v1/videos")) {
                return json("{\"id\":\"task_1\",\"status\":\"queued\",\"progress\":0}");
            }
            if (path.endsWith("/content")) {
                return new MockResponse.Builder().code(200).body(new Buffer().write(TestVideos.mp4(4096))).build();
            }
            int n = gets.incrementAndGet();
            String progress = switch (n) {
                case 1 -> "20";
                case 2 -> "1e309";
                case 3 -> "\"NaN\"";
                case 4 -> "\"Infinity%\"";
                default -> "100";
            };
            return json("{\"id\":\"task_1\",\"status\":\"" + (n < 5 ? "in_progress" : "completed")
                    + "\",\"progress\":" + progress + "}");
        });

        Job job = runOne();

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(chat.events()).filteredOn(e -> e.view() instanceof JobView v && v.headline().contains("Generating"))
                .extracting(e -> ((JobView) e.view()).progressBar()).isNotEmpty().allMatch(bar -> bar.endsWith(" 20%"));
    }
}
