package dev.reelbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.reelbot.core.MessageRef;
import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.FinishSample;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobDelivery;
import dev.reelbot.core.job.JobMessage;
import dev.reelbot.core.job.JobRefund;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.JobTask;
import dev.reelbot.core.job.JobTimes;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.QueueEntry;
import dev.reelbot.core.job.SendLimits;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.RefundState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job store's contract on SQLite; {@link PostgresJobStoreTest} runs the same tests on PostgreSQL (only the
 * opening differs).
 */
class JdbcJobStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Requester ALICE = new Requester("slack", "T1", "C1", "U1", "alice");

    @TempDir
    Path dir;
    Connections connections;
    JdbcJobStore store;

    @BeforeEach
    void open() {
        connections = openDatabase();
        store = new JdbcJobStore(connections);
    }

    /** Opens (again, after a close) the database under test. */
    Connections openDatabase() {
        return SqliteConnections.open(dir.resolve("data/reelbot.db"));
    }

    /** What the database's description starts with. */
    String kind() {
        return "SQLite";
    }

    @AfterEach
    void close() {
        connections.close();
    }

    /** Writes a job no quota refuses. */
    private void insert(Job job) throws JobStore.DuplicateRequestException {
        assertThat(store.insertWithinQuota(job, Admission.quotas(new Quotas(1000, 100_000, 1000), Instant.EPOCH)))
                .isTrue();
    }

    private static Job fresh(String id, String key, Requester who, Instant at) {
        return Job.submitting(id, key, who, VideoRequest.builder("a cat", "sora-2").build(), null, at);
    }

    /** A job with every field set, so the round trip covers every column. */
    private static Job everything() {
        VideoRequest request = VideoRequest.builder("a cat \"surfing\" 🏄", "kling-v2-1").seconds(10)
                .size("1280x720").aspectRatio("16:9").fps(24).seed(4_294_967_295L).count(2).negativePrompt("rain")
                .style("anime").quality("high").imageUrl("https://example.com/a.png").endUser("reelbot-1").build();
        MessageRef message = new MessageRef("slack", "C1", "1700000000.000100");
        MessageRef notice = new MessageRef("slack", "C_ADMIN", "1700000001.000200");
        return new Job("full2345", 0, "trigger-1", ALICE, request, JobState.COMPLETED,
                new Failure("the video was generated but could not be delivered", "undelivered", "HTTP 503"),
                new JobTimes(T0.minusSeconds(100), T0.plusSeconds(1), T0.plusSeconds(30), T0.plusSeconds(20),
                        T0.plusSeconds(15)),
                new JobTask("task_abc", "completed", 100, "https://cdn/v.mp4", T0.plusSeconds(3600), 2, 1),
                new JobDelivery(DeliveryState.UNDELIVERED, 5, "503", new VideoLink("https://bot/v/full2345/t.mp4",
                        T0.plusSeconds(86_400)), "https://bot/v/full2345/t.jpg", "/data/media/full2345.mp4",
                        NoticeState.POSTED, new MessageRef("slack", "C_ADMIN", "1700000002.000300"),
                        T0.plusSeconds(21)),
                new JobMessage(message, "fingerprint", T0.plusSeconds(25), true, "full2345-k3y9"),
                new JobRefund(RefundState.RESOLVED, "undelivered", notice, "bob", "refunded", T0.plusSeconds(99),
                        true), new Money(new BigDecimal("1.234567"), "EUR"), T0.plusSeconds(7));
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws Exception {
        Job job = everything();
        insert(job);
        assertThat(store.find("full2345")).contains(job);
        assertThat(store.findByRequestKey("trigger-1")).contains(job);
        Job minimal = fresh("mini2345", "trigger-2", ALICE, T0);
        insert(minimal);
        assertThat(store.find("mini2345")).contains(minimal);
        assertThat(store.find("nope2345")).isEmpty();
    }

    @Test
    void writesOfTheChangedColumnsOnlyLeaveTheRowExactlyAsTheJobSays() throws Exception {
        Job minimal = fresh("chng2345", "trigger-3", ALICE, T0);
        insert(minimal);
        Job all = everything();
        Job everythingChanged = new Job(minimal.id(), 0, minimal.requestKey(), all.requester(), all.request(),
                all.state(), all.failure(), all.times(), all.task(), all.delivery(), all.message(), all.refund(),
                all.price(), all.bumpedAt());
        assertThat(store.compareAndSet(everythingChanged)).isPresent();
        assertThat(store.find(minimal.id())).contains(everythingChanged.withVersion(1));

        Job backAgain = minimal.withVersion(1);
        assertThat(store.compareAndSet(backAgain)).isPresent();
        assertThat(store.find(minimal.id())).contains(minimal.withVersion(2));

        Job progressed = withMessage(minimal.withVersion(2), new JobMessage(null, "shown", T0, false, "key-1"));
        assertThat(store.compareAndSet(progressed)).isPresent();
        assertThat(store.find(minimal.id())).contains(progressed.withVersion(3));
    }

    @Test
    void anotherWritersChangeIsNeverUndoneByAWriteOfWhatChangedSinceThisStoresOwn() throws Exception {
        JdbcJobStore other = new JdbcJobStore(connections);
        Job job = fresh("othr2345", "trigger-4", ALICE, T0);
        insert(job);
        JobMessage ours = new JobMessage(null, "ours", T0, false, null);
        assertThat(store.compareAndSet(withMessage(job, ours))).isPresent();

        Job seen = other.find(job.id()).orElseThrow();
        assertThat(other.compareAndSet(withMessage(seen, new JobMessage(null, "theirs", T0, false, null))))
                .isPresent();

        // Back to what this store wrote last: the row must say so, though those columns equal that write.
        Job now = store.find(job.id()).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(store.compareAndSet(withMessage(now, ours))).isPresent();
        assertThat(store.find(job.id()).orElseThrow().message()).isEqualTo(ours);
    }

    private static Job withMessage(Job job, JobMessage message) {
        return new Job(job.id(), job.version(), job.requestKey(), job.requester(), job.request(), job.state(),
                job.failure(), job.times(), job.task(), job.delivery(), message, job.refund(), job.price(),
                job.bumpedAt());
    }

    @Test
    void compareAndSetWinsOnceAndBumpsTheVersion() throws Exception {
        Job job = fresh("casx2345", "k", ALICE, T0);
        insert(job);
        Job changed = new Job(job.id(), job.version(), job.requestKey(), job.requester(), job.request(),
                JobState.QUEUED, null, job.times(), job.task(), job.delivery(), job.message(), job.refund(),
                job.price(), job.bumpedAt());

        Job stored = store.compareAndSet(changed).orElseThrow();

        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(store.compareAndSet(changed)).as("stale version").isEmpty();
        assertThat(store.compareAndSet(stored)).isPresent();
    }

    @Test
    void aSecondCommandWithTheSameKeyFindsTheFirstJob() throws Exception {
        Job first = fresh("frst2345", "trigger-9", ALICE, T0);
        insert(first);

        assertThatThrownBy(() -> insert(fresh("scnd2345", "trigger-9", ALICE, T0)))
                .isInstanceOfSatisfying(JobStore.DuplicateRequestException.class,
                        e -> assertThat(e.existing()).isEqualTo(first));
        assertThat(store.find("scnd2345")).isEmpty();
    }

    @Test
    void queriesForQuotasListsAndRefunds() throws Exception {
        Requester bob = new Requester("slack", "T1", "C1", "U2", "bob");
        insert(fresh("aaaa2345", "k1", ALICE, T0));
        insert(fresh("bbbb2345", "k2", ALICE, T0.plusSeconds(10)));
        insert(fresh("cccc2345", "k3", bob, T0.plusSeconds(20)));
        insert(everything());

        assertThat(store.countUnsent("slack", "U1")).isEqualTo(2);
        assertThat(store.countUnsent("discord", "U1")).isZero();
        assertThat(store.jobsOf("slack", "U1", T0.plusSeconds(5))).extracting(Job::id).containsExactly("bbbb2345");
        assertThat(store.createdSince(T0)).extracting(Job::id).containsExactly("aaaa2345", "bbbb2345", "cccc2345");
        assertThat(store.billedSince("slack", "U1", T0.plusSeconds(5)))
                .containsExactly(T0.plusSeconds(10));
        assertThat(store.recentJobs("slack", "U1", 2)).extracting(Job::id).containsExactly("bbbb2345", "aaaa2345");
        assertThat(store.unsettled()).as("a resolution not yet shown on its notice is work left")
                .extracting(Job::id).containsExactly("full2345", "aaaa2345", "bbbb2345", "cccc2345");
        assertThat(store.openRefunds()).isEmpty();
    }

    @Test
    void aJobIsWrittenWithinQuotaInOneStatementOrRefused() throws Exception {
        Admission twoWaitingThreeADay = Admission.quotas(new Quotas(1, 3, 2), T0);
        Requester bob = new Requester("slack", "T1", "C1", "U2", "bob");

        assertThat(store.insertWithinQuota(fresh("aaaa2345", "k1", ALICE, T0), twoWaitingThreeADay)).isTrue();
        assertThat(store.insertWithinQuota(fresh("bbbb2345", "k2", ALICE, T0), twoWaitingThreeADay)).isTrue();
        assertThat(store.insertWithinQuota(fresh("cccc2345", "k3", ALICE, T0), twoWaitingThreeADay))
                .as("a third waiting").isFalse();
        assertThat(store.insertWithinQuota(fresh("dddd2345", "k4", bob, T0), twoWaitingThreeADay))
                .as("another user").isTrue();
        assertThat(store.find("cccc2345")).isEmpty();
        assertThatThrownBy(() -> store.insertWithinQuota(fresh("eeee2345", "k4", bob, T0), twoWaitingThreeADay))
                .isInstanceOf(JobStore.DuplicateRequestException.class);

        store.compareAndSet(with(store.find("aaaa2345").orElseThrow(), JobState.FAILED));
        assertThat(store.insertWithinQuota(fresh("ffff2345", "k5", ALICE, T0), twoWaitingThreeADay))
                .as("one sent (and failed): room in the line again").isTrue();
        store.compareAndSet(with(store.find("ffff2345").orElseThrow(), JobState.FAILED));
        assertThat(store.insertWithinQuota(fresh("gggg2345", "k6", ALICE, T0), twoWaitingThreeADay))
                .as("three billed today").isFalse();
        assertThat(store.insertWithinQuota(fresh("hhhh2345", "k7", ALICE, T0.plusSeconds(90_000)),
                Admission.quotas(new Quotas(1, 3, 2), T0.plusSeconds(1))))
                .as("a new day: the old ones no longer count").isTrue();
    }

    @Test
    void aJobOverItsChannelsOrWorkspacesBudgetIsRefusedInTheSameStatement() throws Exception {
        Requester elsewhere = new Requester("slack", "T1", "C2", "U2", "bob");
        Money dollar = usd("1.00");
        Admission channelCap = new Admission(new Quotas(9, 99, 99), T0, T0, dollar, null);

        assertThat(store.insertWithinQuota(priced("aaaa2345", "k1", ALICE, "0.60"), channelCap)).isTrue();
        assertThat(store.insertWithinQuota(priced("bbbb2345", "k2", ALICE, "0.40"), channelCap))
                .as("exactly at the limit").isTrue();
        assertThat(store.insertWithinQuota(priced("cccc2345", "k3", ALICE, "0.01"), channelCap))
                .as("a cent over").isFalse();
        assertThat(store.insertWithinQuota(fresh("dddd2345", "k4", ALICE, T0), channelCap))
                .as("a job without a price is not counted").isTrue();
        assertThat(store.insertWithinQuota(priced("eeee2345", "k5", elsewhere, "0.90"), channelCap))
                .as("another channel has its own budget").isTrue();
        assertThat(store.spentSince("slack", "T1", "C1", T0, "USD")).isEqualTo(dollar);
        assertThat(store.spentSince("slack", "T1", null, T0, "USD")).isEqualTo(usd("1.90"));
        assertThat(store.spentSince("slack", "T1", "C1", T0, "EUR").micros()).isZero();

        store.compareAndSet(with(store.find("bbbb2345").orElseThrow(), JobState.CANCELLED));
        assertThat(store.spentSince("slack", "T1", "C1", T0, "USD")).as("cancelled: never billed")
                .isEqualTo(usd("0.60"));
        Admission workspaceCap = new Admission(new Quotas(9, 99, 99), T0, T0, null, usd("2.00"));
        assertThat(store.insertWithinQuota(priced("ffff2345", "k6", ALICE, "0.51"), workspaceCap))
                .as("1.50 of the workspace's 2.00 spent: 0.51 more is over").isFalse();
        assertThat(store.insertWithinQuota(priced("gggg2345", "k7", ALICE, "0.51"),
                new Admission(new Quotas(9, 99, 99), T0, T0.plusSeconds(1), null, usd("2.00"))))
                .as("a new month").isTrue();
    }

    @Test
    void theQueueSeesWaitingAndInFlightJobsOnlyAndRunTimesAverageCompletedOnes() throws Exception {
        insert(fresh("wait2345", "k1", ALICE, T0));
        insert(fresh("flyy2345", "k2", ALICE, T0.plusSeconds(1)));
        store.compareAndSet(with(store.find("flyy2345").orElseThrow(), JobState.RUNNING));
        insert(everything());

        insert(fresh("send2345", "k3", new Requester("slack", "T1", "C1", "U2", "bob"), T0.plusSeconds(2)));
        store.compareAndSet(with(store.find("send2345").orElseThrow(), JobState.SENDING));

        assertThat(store.line()).extracting(QueueEntry::jobId, QueueEntry::state).containsExactlyInAnyOrder(
                tuple("wait2345", JobState.SUBMITTING), tuple("send2345", JobState.SENDING));
        assertThat(store.atApi()).extracting(QueueEntry::jobId, QueueEntry::state).containsExactly(
                tuple("flyy2345", JobState.RUNNING));
        assertThat(store.atApiByRequester()).as("counted, not read").isEqualTo(
                Map.of(QueueEntry.requester(ALICE.platform(), ALICE.user()), 1));
        assertThat(store.runTimes(T0)).as("finished at T0+20 s, submitted at T0+1 s")
                .containsEntry("kling-v2-1", Duration.ofSeconds(19));
        assertThat(store.runTimes(T0.plusSeconds(21))).isEmpty();
    }

    @Test
    void aJobIsMarkedSendingOnlyWhileTheJobsInFlightLeaveRoom() throws Exception {
        Requester bob = new Requester("slack", "T1", "C1", "U2", "bob");
        for (String id : List.of("alc12345", "alc22345", "alc32345")) {
            insert(fresh(id, id, ALICE, T0));
        }
        insert(fresh("bob12345", "bob1", bob, T0));

        assertThat(sendWithin("alc12345", 2, 1)).as("nothing in flight").isTrue();
        assertThat(sendWithin("alc22345", 5, 1)).as("alice has her one job in flight").isFalse();
        assertThat(store.find("alc22345").orElseThrow().version()).as("nothing written").isZero();
        assertThat(sendWithin("bob12345", 2, 1)).as("bob has none; 1 of 2 in flight").isTrue();
        assertThat(sendWithin("alc32345", 2, 5)).as("2 of 2 in flight").isFalse();
        store.compareAndSet(with(store.find("alc12345").orElseThrow(), JobState.COMPLETED));
        assertThat(sendWithin("alc32345", 2, 5)).as("a finished job frees its slot").isTrue();
    }

    private boolean sendWithin(String jobId, int inFlight, int perRequester) {
        return store.compareAndSetWithin(with(store.find(jobId).orElseThrow(), JobState.SENDING),
                new SendLimits(inFlight, perRequester)).isPresent();
    }

    @Test
    void aMarkIsClaimedOnce() {
        assertThat(store.claimOnce("budget:C1:2026-11", T0)).isTrue();
        assertThat(store.claimOnce("budget:C1:2026-11", T0)).isFalse();
        assertThat(store.claimOnce("budget:C1:2026-12", T0)).isTrue();
    }

    static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    static Job priced(String id, String key, Requester who, String amount) {
        return Job.submitting(id, key, who, VideoRequest.builder("a cat", "sora-2").build(), usd(amount), T0);
    }

    private static Job with(Job job, JobState state) {
        return new Job(job.id(), job.version(), job.requestKey(), job.requester(), job.request(), state,
                new Failure("bad", "x"), job.times(), job.task(), job.delivery(), job.message(), job.refund(),
                job.price(), job.bumpedAt());
    }

    @Test
    void rejectedAndCancelledJobsAreNotBilled() throws Exception {
        Job job = fresh("rjct2345", "k", ALICE, T0);
        insert(job);
        store.compareAndSet(with(job, JobState.REJECTED));
        Job cancelled = fresh("cncl2345", "k2", ALICE, T0);
        insert(cancelled);
        store.compareAndSet(with(cancelled, JobState.CANCELLED));

        assertThat(store.billedSince("slack", "U1", T0.minusSeconds(1))).isEmpty();
        assertThat(store.countUnsent("slack", "U1")).isZero();
    }

    @Test
    void jobsSurviveClosingAndReopeningTheDatabase() throws Exception {
        insert(everything());
        connections.close();

        connections = openDatabase();
        store = new JdbcJobStore(connections);

        assertThat(store.find("full2345")).contains(everything());
        assertThat(store.openRefunds()).isEmpty();
        assertThat(List.of(connections.toString())).allMatch(s -> s.startsWith(kind()));
        assertThat(connections.problem()).isEmpty();
    }

    private static FinishSample sample(String jobId, String model, long run, int submittedSecond) {
        long[] after = new long[FinishSample.TENTHS];
        long[] by = new long[FinishSample.TENTHS];
        java.util.Arrays.fill(after, -1);
        java.util.Arrays.fill(by, -1);
        after[2] = run * 4 / 10 - 300;
        by[2] = run * 4 / 10 + 200;
        return new FinishSample(jobId, model, 20, T0.plusSeconds(submittedSecond), run - 400, run + 100, after, by);
    }

    @Test
    void learnedFinishTimesAreSharedKeptOncePerJobAndTrimmedPerKind() {
        store.addFinishSamples(List.of(sample("a1", "sora-2", 20_000, 1), sample("a2", "sora-2", 21_000, 2),
                sample("k1", "kling-v2-1", 9_000, 3)), 3);
        // Another instance saving the same job's sample (and newer ones) at the same time: the first one stays.
        store.addFinishSamples(List.of(sample("a2", "sora-2", 99_000, 9), sample("a3", "sora-2", 22_000, 4),
                sample("a4", "sora-2", 23_000, 5)), 3);
        connections.close();
        connections = openDatabase();
        store = new JdbcJobStore(connections);

        assertThat(store.finishSamples(10)).as("the latest submitted 3 of sora-2, earliest first, and kling's")
                .containsExactly(sample("k1", "kling-v2-1", 9_000, 3), sample("a2", "sora-2", 21_000, 2),
                        sample("a3", "sora-2", 22_000, 4), sample("a4", "sora-2", 23_000, 5));
        assertThat(store.finishSamples(1)).extracting(FinishSample::jobId).containsExactly("k1", "a4");
    }
}
