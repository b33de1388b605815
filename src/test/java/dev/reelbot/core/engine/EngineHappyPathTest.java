package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.testing.RecordingChatPort.Event;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine end to end, when things go well: the simulator, SQLite, the real client, a recording chat. */
class EngineHappyPathTest extends WithEngine {
    @Test
    void aJobIsPostedEditedAsItProgressesAndFinishedWithTheVideo() throws Exception {
        Reply reply = h.command("a cat surfing --duration 4");

        assertThat(reply.ok()).isTrue();
        assertThat(reply.text()).startsWith("🎬 Job `" + reply.jobId() + "` accepted: sora-2 · 4 s · 720x1280");
        h.runUntilSettled();

        List<Event> posts = h.chat.events("post");
        assertThat(posts).hasSize(1);
        String message = posts.get(0).messageId();
        assertThat(posts.get(0).channel()).isEqualTo("C1");
        assertThat(h.chat.events("edit")).allSatisfy(e -> assertThat(e.messageId()).isEqualTo(message))
                .anySatisfy(e -> assertThat(e.text()).contains("🎬 Generating").containsPattern("\\d+%"));
        assertThat(h.chat.events("upload")).singleElement()
                .satisfies(e -> assertThat(e.text()).startsWith("reelbot-" + reply.jobId() + ".mp4 ftyp"));
        JobView last = (JobView) h.chat.current(message);
        assertThat(last.isFinal()).isTrue();
        assertThat(last.headline()).isEqualTo("✅ Video ready");
        assertThat(last.result()).isEqualTo(new JobView.Uploaded("uploaded reelbot-" + reply.jobId() + ".mp4"));
        assertThat(h.chat.events("notice")).isEmpty();
        Job job = h.job(reply.jobId());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(job.isSettled()).isTrue();
        assertThat(createRequests(h.simulator)).isEqualTo(1);
        try (var files = Files.list(dir.resolve("videos"))) {
            assertThat(files).as("downloads are cleaned up after the upload").isEmpty();
        }
    }

    @Test
    void everyEditShowsSomethingNewAndTheFinalViewComesWithinAPollOfCompletion() {
        Reply reply = h.command("a cat surfing");
        h.runUntilSettled();

        List<Event> changes = h.chat.events().stream().filter(e -> e.kind().equals("post") || e.kind().equals("edit"))
                .toList();
        for (int i = 1; i < changes.size(); i++) {
            assertThat(Fingerprint.of((JobView) changes.get(i).view()))
                    .as("edit %d changes what the user sees", i)
                    .isNotEqualTo(Fingerprint.of((JobView) changes.get(i - 1).view()));
        }
        Job job = h.job(reply.jobId());
        Duration completionToNow = Duration.between(job.times().finishedAt(), job.message().shownAt());
        assertThat(completionToNow).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFlakyApiStillCompletes() {
        Reply reply = h.command("shaky [flaky]");
        h.runUntilSettled();

        assertThat(h.job(reply.jobId()).delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(h.chat.events("notice")).isEmpty();
    }

    @Test
    void klingVideosComeFromTheirResultUrl() {
        Reply reply = h.command("waves --model kling-v2-1");
        h.runUntilSettled();

        assertThat(h.job(reply.jobId()).task().videoUrl()).contains("/files/");
        assertThat(h.chat.events("upload")).hasSize(1);
    }

    @Test
    void aVideoOverTheUploadLimitIsLinkedWithItsExpiry() {
        h.chat.setUploadLimit(10L * 1024 * 1024);
        Reply reply = h.command("huge [big] --model kling-v2-1");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.LINKED);
        assertThat(h.chat.events("upload")).isEmpty();
        JobView view = (JobView) h.chat.current(job.message().ref().messageId());
        JobView.Linked linked = (JobView.Linked) view.result();
        assertThat(linked.url()).isEqualTo(job.task().videoUrl());
        assertThat(linked.expiresAt()).isNotNull();
        assertThat(linked.note()).containsPattern("the video is \\d+\\.\\d MB, over the 10.0 MB upload limit here");
    }

    @Test
    void aRetriedCommandIsNotSubmittedTwice() {
        Reply first = h.engine.commands().handle(EngineHarness.ALICE, "a cat", "trigger-123");
        Reply again = h.engine.commands().handle(EngineHarness.ALICE, "a cat", "trigger-123");
        h.runUntilSettled();

        assertThat(again.jobId()).isEqualTo(first.jobId());
        assertThat(again.text()).contains("was already started");
        assertThat(createRequests(h.simulator)).isEqualTo(1);
        assertThat(h.chat.events("post")).hasSize(1);
    }

    @Test
    void aRateLimitedEditIsRetriedAfterTheWaitAndTheMessageStillEndsFinal() {
        Reply reply = h.command("a cat");
        h.tick();
        h.chat.failNext("edit", new ChatException(ChatException.Kind.RATE_LIMITED, "ratelimited",
                Duration.ofSeconds(7), null));
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(((JobView) h.chat.current(job.message().ref().messageId())).isFinal()).isTrue();
        assertThat(job.isSettled()).isTrue();
    }

    @Test
    void aDeletedMessageIsPostedAgainAndFinished() {
        Reply reply = h.command("a cat");
        h.tick();
        String first = h.chat.events("post").get(0).messageId();
        h.chat.delete(first);
        h.runUntilSettled();

        assertThat(h.chat.events("post")).hasSize(2);
        Job job = h.job(reply.jobId());
        assertThat(job.message().ref().messageId()).isNotEqualTo(first);
        assertThat(((JobView) h.chat.current(job.message().ref().messageId())).isFinal()).isTrue();
    }

    @Test
    void aFailedUploadIsRetried() {
        h.chat.failNext("upload", new ChatException(ChatException.Kind.TRANSIENT, "502 from the platform"));
        Reply reply = h.command("a cat");
        h.runUntilSettled();

        Job job = h.job(reply.jobId());
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(job.delivery().attempts()).isEqualTo(2);
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundNotRepeated() {
        h.chat.loseNextPostAnswer();
        Reply reply = h.command("a cat");
        h.runUntilSettled();

        assertThat(h.chat.events("post")).hasSize(1);
        Job job = h.job(reply.jobId());
        assertThat(job.message().ref().messageId()).isEqualTo(h.chat.events("post").get(0).messageId());
        assertThat(((JobView) h.chat.current(job.message().ref().messageId())).isFinal()).isTrue();
    }

    @Test
    void aPostWhoseAnswerWasLostBeforeARestartIsFoundNotRepeated() {
        h.chat.loseNextPostAnswer();
        Reply reply = h.command("a cat");
        h.tick();
        assertThat(h.job(reply.jobId()).message().postKey()).isNotNull();
        assertThat(h.job(reply.jobId()).message().ref()).isNull();

        h.restart();
        h.runUntilSettled();

        assertThat(h.chat.events("post")).hasSize(1);
        assertThat(h.job(reply.jobId()).isSettled()).isTrue();
    }
}
