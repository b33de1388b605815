package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A progress edit held back by the bot's own limiter (which keeps a reserve of the edit budget for final views)
 * does not hold back the final view: it goes as soon as the video is delivered. A platform's own refusal holds it:
 * the platform would refuse it again. The 1,000-job bench saw 2% of final messages wait 1 to 3.5 s behind a refused
 * progress edit's wait while the reserve stood unused.
 */
class FinalViewReserveTest extends WithEngine {
    private static final Duration HELD = Duration.ofSeconds(60);

    @Test
    void aFinalViewGoesBeforeTheWaitOfAProgressEditTheBotHeldBack() {
        h.chat.holdProgressEdits(HELD, false);
        String id = h.command("a cat surfing --duration 4").jobId();

        h.runUntilSettled(id);

        Job job = h.job(id);
        assertThat(h.chat.current(job.message().ref().messageId())).isInstanceOfSatisfying(JobView.class,
                view -> assertThat(view.isFinal()).isTrue());
        assertThat(Duration.between(job.times().finishedAt(), job.message().shownAt()))
                .as("completion to the final view").isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFinalViewWaitsOutThePlatformsOwnRefusal() {
        h.chat.holdProgressEdits(HELD, true);
        String id = h.command("a cat surfing --duration 4").jobId();
        h.runUntil(() -> h.job(id).state() == JobState.COMPLETED);
        int editsBefore = h.chat.events("edit").size();

        h.runUntil(() -> h.job(id).delivery().state().isDone());
        for (int second = 0; second < 20; second++) {
            h.tick();
            h.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(h.chat.events("edit")).as("no edit while the platform's wait runs").hasSize(editsBefore);

        h.runUntilSettled(id);
        Job job = h.job(id);
        assertThat(job.message().finalShown()).isTrue();
        assertThat(Duration.between(job.times().finishedAt(), job.message().shownAt()))
                .isGreaterThan(Duration.ofSeconds(20));
    }
}
