package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.JobView;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post the platform turned away as rate limited was never carried out: the next post is the message's first, so
 * what it shows is known, and it is not edited again to the same view (the 10,000-job bench counted ~9,000 such
 * edits, one per job whose first post was held back by a channel's post limit).
 */
class RateLimitedPostTest {
    @TempDir
    Path dir;
    private EngineHarness h;

    @BeforeEach
    void start() {
        h = EngineHarness.onApi(dir, EngineSettings.defaults(dir.resolve("videos")), EngineHarness.DEFAULT_MODELS,
                clock -> new SteadyApi(TaskPhase.RUNNING), Runnable::run);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aPostTurnedAwayAsRateLimitedIsNotFollowedByAnEditToTheSameView() {
        h.chat.failNext("post", new ChatException(ChatException.Kind.RATE_LIMITED, "slow down",
                Duration.ofSeconds(1), null));
        h.command("a cat");

        for (int second = 0; second < 20; second++) {
            h.tick();
            h.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(h.chat.events("post")).hasSize(1);
        assertThat(h.chat.events("edit")).as("nothing changed that the message shows").isEmpty();
    }

    @Test
    void aPostWhoseAnswerWasLostIsStillEditedToWhatItShouldShow() {
        h.chat.failNext("post", new ChatException(ChatException.Kind.TRANSIENT, "timed out"));
        h.command("a cat");

        for (int second = 0; second < 20; second++) {
            h.tick();
            h.clock.advance(Duration.ofSeconds(1));
        }

        List<RecordingChatPort.Event> shown = h.chat.events();
        assertThat(shown).extracting(RecordingChatPort.Event::kind).contains("post");
        JobView last = (JobView) shown.get(shown.size() - 1).view();
        assertThat(Fingerprint.of(last)).isEqualTo(h.job(last.jobId()).message().shown());
    }
}
