package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.acceptedCreates;
import static dev.reelbot.simulator.SimulatorCounts.acceptedInOrder;
import static dev.reelbot.simulator.SimulatorCounts.createRequestsByPrompt;
import static dev.reelbot.simulator.SimulatorCounts.createStatusesByPrompt;
import static dev.reelbot.simulator.SimulatorCounts.refusedCreates;
import static dev.reelbot.simulator.SimulatorCounts.sentAtMostOnceBeyondRefusals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.testing.LogCapture;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity queue end to end, against the simulator enforcing a per-key limit of three jobs with the gateway's
 * 429s: nobody is turned away because the API is busy, every job is accepted exactly once, users take turns, and
 * the waiting messages say where each job stands.
 */
class CapacityQueueTest {
    static final Requester BOB = new Requester("slack", "T1", "C1", "U_BOB", "bob");
    private static final Pattern PLACE = Pattern.compile("(\\d+)(st|nd|rd|th) in line");

    @TempDir
    Path dir;
    EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void start(int maxConcurrent, Quotas quotas) {
        h = new EngineHarness(dir, SimulatorOptions.defaults().withFlakiness(0, 1).withMaxConcurrent(maxConcurrent),
                EngineSettings.defaults(dir.resolve("videos")), quotas, EngineHarness.DEFAULT_MODELS);
    }

    /** Sends {@code text} as {@code who}, a moment after the last command, and steps what is due. */
    private String send(Requester who, String text) {
        h.clock.advance(Duration.ofMillis(200));
        Reply reply = h.command(who, text);
        assertThat(reply.ok()).as(reply.text()).isTrue();
        h.tick();
        return reply.jobId();
    }

    @Test
    void tenVideosOfTwoUsersAgainstALimitOfThreeAllCompleteEachAcceptedOnceTakingTurns() {
        start(3, new Quotas(10, 25, 10));
        List<String> ids = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            for (int i = 1; i <= 6; i++) {
                ids.add(send(EngineHarness.ALICE, "alice video " + i));
            }
            for (int i = 1; i <= 4; i++) {
                ids.add(send(BOB, "bob video " + i));
            }
            h.runUntilSettled();

            assertThat(ids).allSatisfy(id -> assertThat(h.job(id).state()).as(id).isEqualTo(JobState.COMPLETED));
            assertThat(acceptedCreates(h.simulator)).isEqualTo(10);
            assertThat(refusedCreates(h.simulator)).as("creates turned away as busy").isPositive();
            Map<String, List<Integer>> statuses = createStatusesByPrompt(h.simulator);
            assertThat(statuses.values()).as("every refusal a 429, then exactly one accepted create")
                    .allSatisfy(s -> {
                        assertThat(s.subList(0, s.size() - 1)).allMatch(code -> code == 429);
                        assertThat(s.get(s.size() - 1)).isEqualTo(200);
                    });
            assertThat(sentAtMostOnceBeyondRefusals(h.simulator)).isTrue();
            long loggedRefusals = logs.lines().stream()
                    .filter(l -> l.contains("refused by the video API as busy (HTTP 429")).count();
            assertThat(loggedRefusals).as("each refusal logged").isEqualTo(refusedCreates(h.simulator));
        }
        List<String> order = acceptedInOrder(h.simulator);
        assertThat(order.subList(0, 3)).as("first come: " + order)
                .containsExactlyInAnyOrder("alice video 1", "alice video 2", "alice video 3");
        assertThat(order.subList(3, 6)).as("then the users take turns, not first come first served: " + order)
                .containsExactlyInAnyOrder("alice video 4", "bob video 1", "alice video 5");
        assertThat(order.subList(6, 9)).as(order.toString())
                .containsExactlyInAnyOrder("bob video 2", "alice video 6", "bob video 3");
        assertThat(noticeCount()).as("waiting is no failure").isZero();

        List<Integer> places = placesShown(ids.get(9));
        assertThat(places).as("bob's last job's message showed its place, moving up the line")
                .isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(places.get(places.size() - 1)).isLessThan(places.get(0));
        assertThat(h.chat.events().stream().map(RecordingChatPort.Event::text))
                .anyMatch(t -> t.contains("⏳ Waiting for capacity") && t.contains("in line"));
    }

    @Test
    void aJobCancelledWhileWaitingIsNeverSentAndRaisesNoNotice() {
        start(0, Quotas.DEFAULTS);
        h.tune(parts -> parts.withMaxInFlight(1));
        String running = send(EngineHarness.ALICE, "the first one");
        String waiting = send(BOB, "cancel me while i wait");
        Job queued = h.job(waiting);
        assertThat(queued.state()).isEqualTo(JobState.WAITING);
        JobView shown = (JobView) h.chat.current(queued.message().ref().messageId());
        assertThat(shown.actions()).containsExactly(JobView.Action.CANCEL);
        assertThat(shown.status()).isEqualTo("1st in line");

        Reply notYours = h.engine.commands().cancel(EngineHarness.ALICE, waiting);
        assertThat(notYours.ok()).isFalse();
        assertThat(notYours.text()).contains("Only the person who asked");
        Reply cancelled = h.engine.commands().cancel(BOB, waiting);
        assertThat(cancelled.ok()).as(cancelled.text()).isTrue();
        assertThat(cancelled.text()).contains("nothing was charged");
        h.runUntilSettled();

        assertThat(h.job(waiting).state()).isEqualTo(JobState.CANCELLED);
        assertThat(h.job(running).state()).isEqualTo(JobState.COMPLETED);
        assertThat(createRequestsByPrompt(h.simulator)).as("never POSTed").doesNotContainKey("cancel me while i wait");
        assertThat(noticeCount()).isZero();
        JobView last = (JobView) h.chat.current(h.job(waiting).message().ref().messageId());
        assertThat(last.isFinal()).isTrue();
        assertThat(last.headline()).contains("Cancelled");
        assertThat(last.plainText()).contains("nothing was charged");
        assertThat(h.engine.commands().cancel(BOB, waiting).text()).contains("already cancelled");
        assertThat(h.engine.commands().cancel(EngineHarness.ALICE, running).text())
                .contains("not waiting to be sent");
    }

    @Test
    void aJobTheApiTurnedAwayAndThatWasThenCancelledIsNeverSentAgain() {
        start(1, Quotas.DEFAULTS);
        send(EngineHarness.ALICE, "the first one");
        String waiting = send(BOB, "refused then cancelled");
        assertThat(h.job(waiting).state()).isEqualTo(JobState.WAITING);
        assertThat(createStatusesByPrompt(h.simulator).get("refused then cancelled")).containsExactly(429);

        assertThat(h.engine.commands().cancel(EngineHarness.ADMIN, waiting).ok()).as("an admin may cancel").isTrue();
        h.runUntilSettled();

        assertThat(createStatusesByPrompt(h.simulator).get("refused then cancelled")).containsExactly(429);
        assertThat(h.job(waiting).state()).isEqualTo(JobState.CANCELLED);
        assertThat(h.job(waiting).failure().message()).contains("cancelled by ada");
        assertThat(noticeCount()).isZero();
    }

    @Test
    void anAdminBumpsAWaitingJobToTheFrontAndNobodyElseCan() {
        start(0, Quotas.DEFAULTS);
        h.tune(parts -> parts.withMaxInFlight(1));
        Map<String, String> prompts = new java.util.LinkedHashMap<>();
        String running = send(EngineHarness.ALICE, "alice first");
        prompts.put(running, "alice first");
        prompts.put(send(EngineHarness.ALICE, "alice second"), "alice second");
        prompts.put(send(BOB, "bob first"), "bob first");
        String last = send(EngineHarness.ALICE, "alice third, bumped");
        prompts.put(last, "alice third, bumped");
        assertThat(h.job(last).state()).isEqualTo(JobState.WAITING);

        Reply notAdmin = h.command(BOB, "admin bump " + last);
        assertThat(notAdmin.ok()).isFalse();
        assertThat(notAdmin.text()).contains("Only admins");
        Reply inFlight = h.command(EngineHarness.ADMIN, "admin bump " + running);
        assertThat(inFlight.ok()).isFalse();
        assertThat(inFlight.text()).contains("not waiting to be sent");
        List<String> waitingAtBump = prompts.keySet().stream()
                .filter(id -> h.job(id).state() == JobState.WAITING).map(prompts::get).toList();
        Reply bumped = h.command(EngineHarness.ADMIN, "admin bump " + last);
        assertThat(bumped.ok()).as(bumped.text()).isTrue();
        assertThat(bumped.text()).contains("front of the line");
        h.clock.advance(Duration.ofSeconds(3)); // the least time between two edits of one message
        h.tick();
        assertThat(((JobView) h.chat.current(h.job(last).message().ref().messageId())).status())
                .startsWith("1st in line");
        h.runUntilSettled();

        // Filtered to the jobs still waiting at the bump: on a loaded machine the first create may time out, and
        // the next job then takes its slot before the bump.
        List<String> sentAfterBump = acceptedInOrder(h.simulator).stream().filter(waitingAtBump::contains).toList();
        assertThat(waitingAtBump).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sentAfterBump).as("the bumped job goes first of those waiting")
                .containsExactlyInAnyOrderElementsOf(waitingAtBump).startsWith("alice third, bumped");
    }

    private long noticeCount() {
        return h.chat.events("notice").size();
    }

    /** Every place in line the job's message showed, in order. */
    private List<Integer> placesShown(String jobId) {
        List<Integer> places = new ArrayList<>();
        for (RecordingChatPort.Event event : h.chat.events()) {
            if (event.view() instanceof JobView view && view.jobId().equals(jobId)) {
                Matcher m = PLACE.matcher(view.status());
                if (m.find()) {
                    places.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return places;
    }
}
