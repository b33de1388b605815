package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.createStatusesByPrompt;
import static dev.reelbot.simulator.SimulatorCounts.sentAtMostOnceBeyondRefusals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.View;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.text.Texts;
import dev.reelbot.simulator.Chaos;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.FaultyJobStore;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the API and in the chat, each on its own and all at once, every scenario with a store that fails some
 * reads and writes (before or after they land). Whatever happens, every accepted job must reach a final state its
 * requester can see, none may be submitted twice, every failed or unknown job must raise exactly one refund
 * notice, and no message may be left showing a job still in progress.
 */
class ChaosTest {
    private static final int JOBS = 16;
    private static final double STORE_FAULTS = 0.04;

    @TempDir
    Path dir;
    EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void start(Chaos chaos) {
        start(chaos, STORE_FAULTS);
    }

    private void start(Chaos chaos, double storeFaults) {
        h = new EngineHarness(dir, SimulatorOptions.defaults().withFlakiness(0, 1).withHang(Duration.ofSeconds(2))
                .withChaos(chaos), EngineSettings.defaults(dir.resolve("videos")), new Quotas(100, 1000, 1000),
                EngineHarness.DEFAULT_MODELS);
        h.faults.failRandomly(storeFaults, 5, FaultyJobStore.Call.values());
    }

    /** Sends {@link #JOBS} commands with unique prompts (some failing by design); returns the accepted job ids. */
    private List<String> runJobs() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            String model = i % 2 == 0 ? "sora-2" : "kling-v2-1";
            String marker = i % 5 == 0 ? " [fail]" : "";
            Reply reply = accept("chaos job " + i + marker + " --model " + model, "chaos-" + i);
            assertThat(reply.ok()).as(reply.text()).isTrue();
            ids.add(reply.jobId());
        }
        h.runUntilSettled();
        assertThat(h.faults.injected()).as("store faults injected").isPositive();
        return ids;
    }

    /** Sends a command until the store lets it through, as a user told "try again" (or a platform) would. */
    private Reply accept(String text, String requestKey) {
        for (int attempt = 0; ; attempt++) {
            Reply reply = h.command(EngineHarness.ALICE, text, requestKey);
            if (!reply.text().equals(Texts.ENGLISH.get(CommandHandler.CANNOT_START))) {
                return reply;
            }
            assertThat(attempt).as("the store let the command through in the end").isLessThan(20);
        }
    }

    private void assertInvariants(List<String> ids) {
        for (String id : ids) {
            Job job = h.job(id);
            assertThat(job.isSettled()).as("job %s settled", id).isTrue();
            assertThat(job.state().isFinal()).as("job %s final", id).isTrue();
            if (job.state() == JobState.REJECTED) {
                assertThat(h.chat.events("whisper")).as("refused job %s told privately", id)
                        .anySatisfy(w -> assertThat(w.text()).contains(id));
            } else if (!job.unreachable()) {
                View shown = h.chat.current(job.message().ref().messageId());
                assertThat(((JobView) shown).isFinal()).as("job %s message final", id).isTrue();
            }
            long notices = h.chat.events("notice").stream().filter(n -> n.view().jobId().equals(id)).count();
            assertThat(notices).as("notices for job %s (%s)", id, job.state())
                    .isEqualTo(job.refund().state() == RefundState.NONE ? 0 : 1);
            assertThat(job.state().isRefundCase() ? job.refund().state() : RefundState.OPEN)
                    .as("a billed failure of job %s is a refund case", id).isNotEqualTo(RefundState.NONE);
        }
        assertThat(sentAtMostOnceBeyondRefusals(h.simulator))
                .as("no job accepted twice, none sent again but after a refusal: %s", createStatusesByPrompt(h.simulator))
                .isTrue();
        assertThat(h.chat.events("upload").stream().collect(Collectors.groupingBy(RecordingChatPort.Event::text,
                Collectors.counting())).values()).as("no video uploaded twice").allMatch(n -> n == 1);
        assertThat(h.chat.events("post")).as("no message left in progress")
                .allSatisfy(p -> assertThat(((JobView) h.chat.current(p.messageId())).isFinal()).isTrue());
    }

    @Test
    void anApiWithFivexxErrorsAnd429Bursts() {
        start(new Chaos(0.2, 0.03, 5, 0, Duration.ZERO, 0, 0));
        assertInvariants(runJobs());
    }

    @Test
    void anApiThatHangs() {
        start(new Chaos(0, 0, 0, 0.1, Duration.ofSeconds(1), 0, 0));
        assertInvariants(runJobs());
    }

    @Test
    void anApiThatLosesJobs() {
        start(new Chaos(0, 0, 0, 0, Duration.ZERO, 0.4, 0));
        List<String> ids = runJobs();
        assertInvariants(ids);
        assertThat(ids).extracting(id -> h.job(id).failure() == null ? "" : h.job(id).failure().code())
                .contains("task_lost");
    }

    @Test
    void createsThatTimeOutAfterTheApiAcceptedThem() {
        start(new Chaos(0, 0, 0, 0, Duration.ZERO, 0, 0.4));
        List<String> ids = runJobs();
        assertInvariants(ids);
        assertThat(ids).extracting(id -> h.job(id).state()).contains(JobState.SUBMIT_UNKNOWN);
    }

    @Test
    void aChatPlatformAnswering429And5xx() {
        start(Chaos.NONE);
        h.chat.failRandomly(0.25, 42);
        assertInvariants(runJobs());
    }

    @Test
    void aStoreThatFailsOneCallInSix() {
        start(Chaos.NONE, 1.0 / 6);
        assertInvariants(runJobs());
    }

    @Test
    void everythingAtOnce() {
        start(Chaos.standard(Duration.ofSeconds(1)));
        h.chat.failRandomly(0.2, 7);
        assertInvariants(runJobs());
    }

}
