package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Requester;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.LogCapture;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A status word the API client does not know (here 已完成, which meant "done") still counts as running, but it is
 * noticed before the time limit makes the job a refund case: logged once with the job, counted, and shown in
 * {@code /video status} and Details.
 */
class UnknownStatusWordTest {
    @TempDir
    Path dir;

    /** A gateway that answers every poll with a word the client does not know, as HttpVideoApi reads it. */
    private static final class StrangeWordApi implements VideoApi {
        @Override
        public TaskStatus create(VideoRequest request) {
            return new TaskStatus("task_1", TaskPhase.QUEUED, "queued", 0, null, null, null, null, null, null, null);
        }

        @Override
        public TaskStatus get(String taskId) {
            return new TaskStatus(taskId, TaskPhase.RUNNING, "已完成", 100, null, null, null, null, null, null, null);
        }

        @Override
        public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) {
            throw new UnsupportedOperationException("never completes");
        }

        @Override
        public boolean knowsStatus(String word) {
            return !"已完成".equals(word);
        }
    }

    @Test
    void anUnknownStatusWordIsLoggedOnceCountedAndShownInStatus() {
        MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
        AtomicInteger counted = new AtomicInteger();
        EngineMetrics metrics = new EngineMetrics() {
            @Override
            public void unknownApiStatus() {
                counted.incrementAndGet();
            }
        };
        ModelCatalog models = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2")));
        Requester alice = new Requester("slack", "T1", "C1", "U_ALICE", "alice");
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db")); LogCapture logs = new LogCapture()) {
            Engine engine = new Engine(new Engine.Parts(new JdbcJobStore(db), new StrangeWordApi(),
                    List.of(new RecordingChatPort("slack")), models, Limits.DEFAULTS, Quotas.DEFAULTS,
                    new Admins(Set.of()), EngineSettings.defaults(dir.resolve("videos")), 1 << 20, "/video", metrics,
                    MediaParts.NONE),
                    Runnable::run, clock);
            String id = engine.commands().handle(alice, "a cat", "key-1").jobId();
            for (int second = 0; second < 60; second++) {
                engine.tick();
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(counted).as("counted once, however often it is seen").hasValue(1);
            assertThat(logs.lines()).filteredOn(l -> l.contains("a status word the bot does not know")).singleElement()
                    .satisfies(l -> assertThat(l).contains("已完成").contains(id).startsWith("WARN"));
            assertThat(engine.commands().handle(alice, "status " + id, "key-2").text())
                    .contains("The video API says `已完成`, a status word the bot does not know")
                    .contains("video-api.status-words");
            assertThat(engine.commands().details(alice, id).text()).contains("API status: 已完成");
        }
    }
}
