package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.InlineImage;
import dev.reelbot.core.MediaStore;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Requester;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.command.VideoCommand;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image shared in a chat is kept in the media store, not in the job's row (written on every step); the create
 * request carries it whole, and a re-roll shares it. One no longer kept refuses the job before anything is sent.
 */
class ReferenceImagesTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};
    private static final Requester ALICE = new Requester("slack", "T1", "C1", "U_ALICE", "alice");

    @TempDir
    Path dir;

    /** Records every create request and leaves the job queued. */
    private static final class RecordingApi implements VideoApi {
        final List<VideoRequest> created = new CopyOnWriteArrayList<>();

        @Override
        public TaskStatus create(VideoRequest request) {
            created.add(request);
            return new TaskStatus("task_" + created.size(), TaskPhase.QUEUED, "queued", 0, null, null, null, null,
                    null, null, null);
        }

        @Override
        public TaskStatus get(String taskId) {
            return new TaskStatus(taskId, TaskPhase.QUEUED, "queued", 0, null, null, null, null, null, null, null);
        }

        @Override
        public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) {
            throw new UnsupportedOperationException("never completes");
        }
    }

    @Test
    void aSharedImageIsKeptInTheMediaStoreAndSentWhole() {
        RecordingApi api = new RecordingApi();
        MediaStore media = LocalMediaStore.open(dir.resolve("media"));
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            JdbcJobStore store = new JdbcJobStore(db);
            Engine engine = engine(store, api, media);
            String id = startWithImage(engine);
            engine.tick();

            Job job = store.find(id).orElseThrow();
            assertThat(job.request().imageUrl()).startsWith(InlineImage.STORED + "ref-").endsWith(".png")
                    .hasSizeLessThan(60);
            assertThat(api.created).singleElement().satisfies(sent -> assertThat(InlineImage.parse(sent.imageUrl()))
                    .hasValueSatisfying(image -> assertThat(image.bytes()).isEqualTo(PNG)));
            String reroll = engine.commands().reroll(ALICE, id, "key-2").jobId();
            engine.tick();
            assertThat(store.find(reroll).orElseThrow().request().imageUrl()).isEqualTo(job.request().imageUrl());
            assertThat(api.created).hasSize(2).allSatisfy(sent -> assertThat(InlineImage.parse(sent.imageUrl()))
                    .hasValueSatisfying(image -> assertThat(image.bytes()).isEqualTo(PNG)));
            assertThat(engine.commands().details(ALICE, id).text()).contains("Image: an uploaded PNG image (kept by");
        }
    }

    @Test
    void anImageNoLongerKeptRefusesTheJobBeforeAnythingIsSent() throws Exception {
        RecordingApi api = new RecordingApi();
        MediaStore media = LocalMediaStore.open(dir.resolve("media"));
        try (SqliteConnections db = SqliteConnections.open(dir.resolve("jobs.db"))) {
            JdbcJobStore store = new JdbcJobStore(db);
            Engine engine = engine(store, api, media);
            String id = startWithImage(engine);
            for (var object : media.list()) {
                media.delete(object.key());
            }

            engine.tick();

            Job job = store.find(id).orElseThrow();
            assertThat(api.created).isEmpty();
            assertThat(job.state()).isEqualTo(JobState.REJECTED);
            assertThat(job.failure().message()).contains("the reference image could not be sent")
                    .contains("share it again");
        }
    }

    /** Starts a job from an image shared in a chat (inline, as an adapter hands it over); returns its id. */
    private static String startWithImage(Engine engine) {
        VideoRequest request = VideoRequest.builder("the cat dances", "sora-2")
                .imageUrl(new InlineImage("image/png", PNG).toDataUrl()).build();
        return engine.commands().handle(ALICE, new VideoCommand.Generate(request), "key-1").jobId();
    }

    private Engine engine(JdbcJobStore store, VideoApi api, MediaStore media) {
        ModelCatalog models = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2")));
        return new Engine(new Engine.Parts(store, api, List.of(new RecordingChatPort("slack")), models,
                Limits.DEFAULTS, Quotas.DEFAULTS, new Admins(Set.of()), EngineSettings.defaults(dir.resolve("videos")),
                1 << 20, "/video", EngineMetrics.NONE, new MediaParts(Optional.of(media), Optional.empty(),
                Optional.empty())), Runnable::run, MutableClock.at("2026-11-24T12:00:00Z"));
    }
}
