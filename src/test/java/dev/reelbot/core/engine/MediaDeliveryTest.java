package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.Secret;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.testing.FakeTranscoder;
import dev.reelbot.web.SignedLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's media decisions against the simulator, with a fake transcoder (ffmpeg itself is tested on real clips
 * elsewhere): every video is kept and its message links it; one over the limit is fitted and uploaded, and a fit
 * that fails, or a file the chat refuses as too large twice, falls back to the link, never to "not delivered";
 * fitting runs on its own pool, and holds up no other job.
 */
class MediaDeliveryTest {
    private static final long LIMIT = 10L * 1024 * 1024;
    private final FakeTranscoder transcoder = new FakeTranscoder();
    @TempDir
    Path dir;
    private EngineHarness h;
    private ExecutorService pool;

    private void start(Executor transcodes) {
        MediaParts media = new MediaParts(Optional.of(LocalMediaStore.open(dir.resolve("media"))),
                Optional.of(transcoder), Optional.of(new SignedLinks("https://reelbot.example.com",
                        Secret.of("a-media-link-secret-for-tests-0123456789"))));
        h = EngineHarness.withMedia(dir, EngineSettings.defaults(dir.resolve("videos")), media, transcodes);
        h.chat.setUploadLimit(LIMIT);
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        h.close();
    }

    private Job settled(String prompt) {
        String id = h.command(prompt).jobId();
        h.runUntilSettled();
        return h.job(id);
    }

    private JobView shown(Job job) {
        return (JobView) h.chat.current(job.message().ref().messageId());
    }

    @Test
    void aVideoUnderTheLimitIsUploadedKeptAndLinkedWithItsPoster() {
        start(Runnable::run);

        Job job = settled("a cat");

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(transcoder.fitLimits()).isEmpty();
        assertThat(job.delivery().link().url()).startsWith("https://reelbot.example.com/v/" + job.id() + "/");
        assertThat(job.delivery().link().expiresAt()).as("media.link-lifetime").isBetween(
                h.clock.instant().plus(Duration.ofDays(29)), h.clock.instant().plus(Duration.ofDays(30)));
        assertThat(job.delivery().poster()).endsWith(".jpg");
        assertThat(job.delivery().kept()).endsWith(job.id() + ".mp4");
        assertThat(Files.exists(dir.resolve("media").resolve(job.id() + ".mp4"))).isTrue();
        assertThat(Files.exists(dir.resolve("media").resolve(job.id() + ".jpg"))).isTrue();
        assertThat(((JobView.Uploaded) shown(job).result()).link()).isEqualTo(job.delivery().link());
        assertThat(dir.resolve("videos").toFile().list()).as("working files removed").isEmpty();
        assertThat(h.command("status " + job.id()).text()).contains("Video: " + job.delivery().link().url()
                + " (expires ").contains("Poster: " + job.delivery().poster()).doesNotContain("Kept at");
        assertThat(h.command(EngineHarness.ADMIN, "status " + job.id(), "status-admin").text())
                .as("where it is kept, for admins").contains("Kept at: " + job.delivery().kept());
    }

    @Test
    void aVideoOverTheLimitIsFittedAndUploadedWithTheLinkToTheOriginal() {
        start(Runnable::run);

        Job job = settled("huge [big]");

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.TRANSCODED);
        assertThat(transcoder.fitLimits()).containsExactly(LIMIT);
        assertThat(h.chat.events("upload")).singleElement()
                .satisfies(u -> assertThat(u.text()).endsWith(" " + LIMIT / 2));
        assertThat(shown(job).status()).isEqualTo("Delivered: uploaded (compressed to fit; full quality: link).");
        assertThat(job.delivery().note()).contains("compressed from");
        assertThat(h.chat.events("notice")).isEmpty();
    }

    @Test
    void aFitThatFailsOrTimesOutFallsBackToTheLinkNeverToNotDelivered() {
        start(Runnable::run);
        transcoder.failWith("transcoding took longer than delivery.transcode-timeout (300 s)");

        Job job = settled("huge [big]");

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.LINKED);
        assertThat(h.chat.events("upload")).isEmpty();
        JobView.Linked linked = (JobView.Linked) shown(job).result();
        assertThat(linked.url()).isEqualTo(job.delivery().link().url()).contains("/v/" + job.id() + "/");
        assertThat(linked.poster()).isNotNull();
        assertThat(linked.note()).contains("over the 10.0 MB upload limit here")
                .contains("could not be compressed to fit (transcoding took longer");
        assertThat(h.chat.events("notice")).isEmpty();
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
    }

    @Test
    void aFileTheChatRefusesAsTooLargeIsFittedSmallerOnceThenUploaded() throws Exception {
        start(Runnable::run);
        h.chat.setUploadLimit(50L * 1024 * 1024);
        h.chat.failNext("upload", new ChatException(ChatException.Kind.TOO_LARGE, "HTTP 413, Discord code 40005"));

        Job job = settled("huge [big]");

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.TRANSCODED);
        long original = Files.size(dir.resolve("media").resolve(job.id() + ".mp4"));
        assertThat(transcoder.fitLimits()).as("under what was refused").singleElement()
                .isEqualTo(original * 3 / 4);
        assertThat(h.chat.events("upload")).hasSize(1);
    }

    @Test
    void aSecondTooLargeFallsBackToTheLink() {
        start(Runnable::run);
        h.chat.setUploadLimit(50L * 1024 * 1024);
        for (int i = 0; i < 2; i++) {
            h.chat.failNext("upload", new ChatException(ChatException.Kind.TOO_LARGE, "HTTP 413"));
        }

        Job job = settled("huge [big]");

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.LINKED);
        assertThat(job.delivery().note()).contains("refused").contains("as too large");
        assertThat(transcoder.fitLimits()).hasSize(1);
    }

    @Test
    void fittingRunsOnItsOwnPoolAndHoldsUpNoOtherJob() {
        pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-transcode"));
        start(pool);
        transcoder.hold();
        String big = h.command("huge [big]").jobId();
        for (int second = 0; second < 30 && transcoder.fitLimits().isEmpty(); second++) {
            h.tick();
            h.clock.advance(Duration.ofSeconds(1));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !transcoder.fitLimits().isEmpty());

        String small = h.command("a cat").jobId();
        for (int second = 0; second < 30 && !h.job(small).isSettled(); second++) {
            h.tick();
            h.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(h.job(small).delivery().state()).as("delivered while the fit is held")
                .isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.job(big).delivery().state()).isEqualTo(DeliveryState.PENDING);
        transcoder.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            h.tick();
            return h.job(big).delivery().state() == DeliveryState.TRANSCODED;
        });
        assertThat(transcoder.threads()).containsExactly("test-transcode");
    }
}
