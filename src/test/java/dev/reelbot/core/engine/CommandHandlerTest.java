package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.RefundState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command word answered through the real engine: quotas, lists, status, details, re-roll, admin. */
class CommandHandlerTest {
    private static final Requester BOB = new Requester("slack", "T1", "C1", "U_BOB", "bob");
    private static final Requester ELSEWHERE = new Requester("slack", "T9", "C1", "U_ALICE", "alice");

    @TempDir
    Path dir;
    EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aUserAtTheirInProgressLimitWaitsTheirTurnInsteadOfBeingRefused() {
        h = new EngineHarness(dir, new Quotas(1, 10, 10), EngineHarness.DEFAULT_MODELS);
        String first = h.command("first").jobId();
        h.tick();
        Reply second = h.command("second");
        assertThat(second.ok()).as(second.text()).isTrue();
        Reply bobs = h.command(BOB, "bob's own");
        h.tick();
        // Bob's job was given its turn and sent in that tick; the queue's next pass (at most every 200 ms) counts
        // it as in flight rather than ahead in the line.
        h.clock.advance(Duration.ofMillis(250));
        h.tick();

        assertThat(h.job(second.jobId()).state()).isEqualTo(JobState.WAITING);
        assertThat(h.command("list").text()).contains("⏳ Waiting for your other videos (1st in line)");
        assertThat(h.job(bobs.jobId()).state()).as("limits are per user").isNotEqualTo(JobState.WAITING);
        h.runUntilSettled();
        assertThat(h.job(first).state()).isEqualTo(JobState.COMPLETED);
        assertThat(h.job(second.jobId()).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void theLimitOnWaitingJobsRefusesWithAClearMessage() {
        h = new EngineHarness(dir, new Quotas(1, 10, 2), EngineHarness.DEFAULT_MODELS);
        for (String text : List.of("one", "two", "three")) {
            assertThat(h.command(text).ok()).isTrue();
            h.tick();
        }

        Reply fourth = h.command("four");

        assertThat(fourth.ok()).isFalse();
        assertThat(fourth.text()).isEqualTo("You already have 2 videos waiting to start, the most you may queue. "
                + "Wait for one to start (list shows them and their place in line).");
        assertThat(h.command(BOB, "bob's own").ok()).as("quotas are per user").isTrue();
        h.runUntilSettled();
        assertThat(h.command("five").ok()).isTrue();
    }

    @Test
    void dailyQuotaSaysWhenTheNextSlotFrees() {
        h = new EngineHarness(dir, new Quotas(5, 2), EngineHarness.DEFAULT_MODELS);
        assertThat(h.command("one").ok()).isTrue();
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(h.command("two").ok()).isTrue();
        assertThat(h.command("refused one [moderated]").ok()).as("jobs not yet known to be refused count").isFalse();
        h.runUntilSettled();

        Reply third = h.command("three");

        assertThat(third.ok()).isFalse();
        assertThat(third.text()).contains("You have started 2 videos in the last 24 hours, the daily limit")
                .contains("Your next one can start at 2026-11-25 12:00 UTC");
    }

    @Test
    void refusedJobsDoNotCountAgainstTheDailyQuota() {
        h = new EngineHarness(dir, new Quotas(5, 1), EngineHarness.DEFAULT_MODELS);
        assertThat(h.command("nope [moderated]").ok()).isTrue();
        h.runUntilSettled();

        assertThat(h.command("yes").ok()).isTrue();
    }

    @Test
    void listAndStatusShowTheUsersJobs() {
        h = new EngineHarness(dir);
        assertThat(h.command("list").text()).startsWith("You have no videos yet");
        String id = h.command("a cat surfing").jobId();
        h.runUntilSettled();

        assertThat(h.command("list").text()).contains(id).contains("✅ Video ready").contains("a cat surfing");
        assertThat(h.command("status " + id).text()).contains(id).contains("took");
        assertThat(h.command(ELSEWHERE, "status " + id).text()).as("not visible from another workspace")
                .isEqualTo("There is no job `" + id + "` here.");
    }

    @Test
    void detailsShowEveryParameter() {
        h = new EngineHarness(dir);
        String id = h.command("a cat --seed 42 --neg rain --ar 16:9").jobId();
        h.runUntilSettled();

        Reply details = h.engine.commands().details(EngineHarness.ALICE, id);
        Reply byBob = h.engine.commands().details(BOB, id);
        Reply byAdmin = h.engine.commands().details(EngineHarness.ADMIN, id);

        assertThat(byBob.ok()).isFalse();
        assertThat(byBob.text()).contains("Only the person who asked");
        assertThat(byAdmin.ok()).isTrue();
        assertThat(details.text()).contains("Seed: 42").contains("Negative prompt: rain").contains("Aspect ratio: 16:9")
                .contains("Task id: task_").contains("Video: uploaded");
    }

    @Test
    void rerollRunsTheSameRequestWithANewSeedForTheRequesterOrAnAdminOnly() {
        h = new EngineHarness(dir);
        String id = h.command("a cat --seed 42 --duration 8").jobId();
        h.runUntilSettled();

        Reply byBob = h.engine.commands().reroll(BOB, id, "reroll-1");
        Reply byAlice = h.engine.commands().reroll(EngineHarness.ALICE, id, "reroll-2");
        Reply byAdmin = h.engine.commands().reroll(EngineHarness.ADMIN, id, "reroll-3");

        assertThat(byBob.ok()).isFalse();
        assertThat(byBob.text()).contains("Only the person who asked");
        assertThat(byAlice.ok()).isTrue();
        VideoRequest again = h.job(byAlice.jobId()).request();
        assertThat(again.prompt()).isEqualTo("a cat");
        assertThat(again.seconds()).isEqualTo(8);
        assertThat(again.seed()).isNotNull();
        assertThat(byAdmin.ok()).isTrue();
    }

    @Test
    void onlyAdminsListAndResolveRefunds() {
        h = new EngineHarness(dir);
        String id = h.command("a storm [fail]").jobId();
        h.runUntilSettled();

        String notAdmin = "Only admins can do that: whoever runs the bot can add your id `U_ALICE` to "
                + "`admins.slack` in its config.";
        assertThat(h.command("admin refunds").text()).isEqualTo(notAdmin);
        assertThat(h.command("admin resolve " + id).text()).isEqualTo(notAdmin);
        assertThat(h.command(EngineHarness.ADMIN, "admin refunds").text()).contains("1 open refund case")
                .contains(id).contains("alice").contains("could not generate")
                .endsWith("Resolve one with: /video admin resolve <job> [note]");

        Reply resolved = h.command(EngineHarness.ADMIN, "admin resolve " + id + " refunded 1 credit");

        assertThat(resolved.text()).isEqualTo("✅ Refund for job `" + id + "` marked resolved.");
        h.tick();
        Job job = h.job(id);
        assertThat(job.refund().state()).isEqualTo(RefundState.RESOLVED);
        assertThat(job.refund().note()).isEqualTo("refunded 1 credit");
        NoticeView notice = (NoticeView) h.chat.current(job.refund().notice().messageId());
        assertThat(notice.resolved()).isTrue();
        assertThat(notice.plainText()).contains("by ada").contains("refunded 1 credit");
        assertThat(h.command(EngineHarness.ADMIN, "admin refunds").text()).isEqualTo("No open refund cases.");
        assertThat(h.command(EngineHarness.ADMIN, "admin resolve " + id).text()).contains("already resolved by ada");
    }

    @Test
    void helpAndModelsAndMistakesAreAnsweredPrivately() {
        h = new EngineHarness(dir);
        assertThat(h.command("help").text()).contains("--duration").contains("/video models");
        assertThat(h.command("models").text()).contains("sora-2").contains("kling-v2-1");
        Reply mistake = h.command("a cat --duration 7");
        assertThat(mistake.ok()).isFalse();
        assertThat(mistake.text()).contains("4, 8 or 12");
        assertThat(h.store.unsettled()).isEmpty();
    }
}
