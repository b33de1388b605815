package dev.reelbot.core.engine;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.SendLimits;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.queue.CapacityQueue;
import dev.reelbot.core.text.Msg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The API side of a job: sends its create request (once, or again only after the API provably turned it away as
 * busy), polls its status, and gives up on it when the watchdog says so. Every outcome becomes a transition, and
 * the capacity queue hears how each create was answered; nothing here talks to a chat.
 */
final class TaskWatcher {
    private final VideoApi api;
    private final JobUpdates updates;
    private final ModelCatalog catalog;
    private final EngineSettings settings;
    private final Clock clock;
    private final DoubleSupplier random;
    private final EngineMetrics metrics;
    private final CapacityQueue queue;
    private final FinishTimes finishTimes;

    TaskWatcher(VideoApi api, JobUpdates updates, ModelCatalog catalog, EngineSettings settings, Clock clock,
                DoubleSupplier random, EngineMetrics metrics, CapacityQueue queue, FinishTimes finishTimes) {
        this.api = api;
        this.updates = updates;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.metrics = metrics;
        this.queue = queue;
        this.finishTimes = finishTimes;
    }

    /** Not its turn: the job waits in the queue, nothing sent. */
    Job toWaiting(Job job) {
        Job next = updates.apply(job, j -> Transitions.waiting(j, clock.instant()));
        if (next.state() == JobState.WAITING) {
            JobUpdates.event(next, "waiting for its turn to be sent");
        }
        return next;
    }

    /**
     * Marks the job {@code SENDING} with one compare-and-set, the step that makes sending it this step's alone,
     * written only while the jobs in flight leave room within {@code limits}; empty when the job changed meanwhile
     * (another process may have marked it) or there is no room.
     */
    Optional<Job> markSending(Job job, SendLimits limits) {
        return updates.tryApplyWithin(job, j -> Transitions.sending(j, clock.instant()), limits);
    }

    /**
     * Sends the create request of a job this step marked {@code SENDING}, once, and records the answer. When the
     * answer cannot be recorded, the task id is kept in {@code tracked} for the admins and the failure propagates:
     * the next step finds the job still {@code SENDING} and ends it outcome-unknown, never sending it again.
     */
    Job send(Job job, Tracked tracked) {
        TaskStatus status;
        try {
            status = api.create(job.request());
        } catch (VideoApiException e) {
            return notSubmitted(job, e, tracked);
        }
        metrics.submission("submitted");
        queue.accepted(job.id());
        tracked.unrecordedTaskId = status.taskId();
        Instant now = clock.instant();
        Job next = updates.apply(job, j -> Transitions.submitted(j, status, now));
        tracked.unrecordedTaskId = null;
        if (next.state() == JobState.SENDING || !status.taskId().equals(next.task().taskId())) {
            JobUpdates.error(next, "task {} was created but the job had moved on ({}); not recorded",
                    status.taskId(), next.state());
        } else {
            JobUpdates.event(next, "submitted: task {} ({})", status.taskId(), status.rawStatus());
            firstPoll(next, tracked, now);
        }
        return next;
    }

    /**
     * When jobs of its kind taught when their steps show, a job's first poll is the first the learned schedule aims
     * at (a step's window), not one right after the create: with coarse progress that one only finds the job queued.
     * Otherwise the first step polls it at once, as before.
     */
    private void firstPoll(Job job, Tracked tracked, Instant now) {
        boolean running = job.state() == JobState.QUEUED || job.state() == JobState.RUNNING;
        if (running && job.times().submittedAt() != null) {
            long elapsed = Math.max(0, Duration.between(job.times().submittedAt(), now).toMillis());
            if (scheduleLearned(job, tracked, elapsed, now)) {
                tracked.polls.sentHere();
            }
        }
    }

    /**
     * Sets the next poll by the {@link LearnedSchedule} when jobs of the running {@code job}'s kind have taught when
     * they finish and its progress cannot say it; false (nothing set) otherwise.
     */
    private boolean scheduleLearned(Job job, Tracked tracked, long elapsed, Instant now) {
        Optional<RunModel> model = finishTimes.model(job);
        if (model.isEmpty() || model.get().progressPredictsFinish()) {
            return false;
        }
        LearnedSchedule.Plan plan = LearnedSchedule.next(model.get(), tracked.polls, elapsed, settings,
                random.getAsDouble());
        tracked.pollAt = now.plus(plan.delay());
        tracked.pollNearEnd = plan.urgent();
        return true;
    }

    private Job notSubmitted(Job job, VideoApiException e, Tracked tracked) {
        Job next;
        if (e instanceof VideoApiException.Refused refused) {
            metrics.submission("refused");
            queue.refused(job.id(), refused.retryAfter());
            tracked.unrecordedRefusal = true;
            next = backInLine(job);
            JobUpdates.warn(next, "refused by the video API as busy (HTTP {}{}): back in the queue, to be sent again{}",
                    e.httpStatus(), e.code().isEmpty() ? "" : " " + e.code(), refused.retryAfter()
                            .map(wait -> " after " + wait.toMillis() + " ms").orElse(""));
        } else if (e instanceof VideoApiException.OutcomeUnknown) {
            Failure why = new Failure(Msg.of("failure.submit-unknown"), "submit_unknown", e.getMessage());
            next = updates.apply(job, j -> Transitions.submitUnknown(j, why, null, clock.instant()));
            metrics.submission("unknown");
            JobUpdates.error(next, "submission outcome unknown, not resent: {}", e.getMessage());
        } else if (e instanceof VideoApiException.Transient) {
            String what = e.httpStatus() == 429 ? "failure.api-busy"
                    : e.httpStatus() == 0 ? "failure.api-unreachable" : "failure.api-unavailable";
            Failure why = new Failure(Msg.of(what), "api_unavailable", e.getMessage());
            next = updates.apply(job, j -> Transitions.rejected(j, why, clock.instant()));
            metrics.submission("unavailable");
            JobUpdates.warn(next, "not submitted, the video API is unavailable: {}", e.getMessage());
        } else {
            // A refusal's message is the API's answer to the request: safe and useful to show as it is.
            Failure why = new Failure(e.getMessage(), e.code(), "HTTP " + e.httpStatus() + (e.code().isEmpty() ? ""
                    : " " + e.code()));
            next = updates.apply(job, j -> Transitions.rejected(j, why, clock.instant()));
            metrics.submission("rejected");
            JobUpdates.event(next, "refused by the video API: {} ({})", e.getMessage(), e.code());
        }
        return next;
    }

    /**
     * The API provably turned the job's create away as busy: it goes back in the queue, keeping its place. Also
     * what a later step of this process does when that could not be recorded at once.
     */
    Job backInLine(Job job) {
        return updates.apply(job, j -> Transitions.refused(j, clock.instant()));
    }

    /**
     * A job found {@code SENDING} by a later step (after a restart, or after its answer could not be recorded):
     * its request may have reached the API, so it is outcome-unknown and never sent again.
     *
     * @param heardTaskId the task id this process heard but could not record, or {@code null}
     */
    Job abandonedSubmission(Job job, String heardTaskId) {
        Failure why = heardTaskId != null
                ? new Failure(Msg.of("failure.unrecorded"), "submit_unknown", null)
                : new Failure(Msg.of("failure.stopped-sending"), "submit_unknown", null);
        Job next = updates.apply(job, j -> Transitions.submitUnknown(j, why, heardTaskId, clock.instant()));
        JobUpdates.error(next, "found sending: outcome unknown, not resent{}", heardTaskId == null ? ""
                : " (the API had answered task " + heardTaskId + ")");
        return next;
    }

    /**
     * Polls the job's status; sets when to poll next. A poll that changes progress alone is not written at once
     * (see {@link JobUpdates#applyLazily}): the next write of the job carries it, and nothing waits longer than
     * {@link JobUpdates#WRITE_WITHIN} before a poll writes it.
     */
    Job poll(Job job, Tracked tracked) {
        long start = System.nanoTime();
        try {
            return checkWatchdog(pollOnce(job, tracked), tracked);
        } finally {
            metrics.poll(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Job pollOnce(Job job, Tracked tracked) {
        Job next;
        Instant asked = clock.instant();
        try {
            TaskStatus status = api.get(job.task().taskId());
            Instant now = clock.instant();
            next = updates.applyLazily(job, j -> Transitions.polled(j, status, now), tracked.mayHoldProgress(now));
            tracked.holding(job, next, now);
            if (!api.knowsStatus(status.rawStatus()) && !status.rawStatus().equals(job.task().apiStatus())) {
                metrics.unknownApiStatus();
                JobUpdates.warn(next, "the video API says '{}', a status word the bot does not know: it counts as "
                        + "running until the job's time limit; if it means done or failed, add it to "
                        + "video-api.status-words", status.rawStatus());
            }
            if (next.state() != job.state()) {
                JobUpdates.event(next, "now {} ({}% , API says {})", next.state(), next.task().progress(),
                        status.rawStatus());
            }
            scheduleAfter(job, next, tracked, asked, now);
        } catch (VideoApiException e) {
            boolean missing = e instanceof VideoApiException.Rejected r && r.taskNotFound();
            Instant now = clock.instant();
            tracked.polls.counted();
            next = missing
                    ? updates.apply(job, j -> Transitions.taskMissing(j, settings.lostAfter(), now))
                    : updates.applyLazily(job, j -> Transitions.pollFailed(j, now), tracked.mayHoldProgress(now));
            tracked.holding(job, next, now);
            Duration retryAfter = e instanceof VideoApiException.Transient t ? t.retryAfter().orElse(null) : null;
            tracked.pollAt = now.plus(PollSchedule.backoff(next.task().pollErrors(), retryAfter, settings,
                    random.getAsDouble()));
            tracked.pollNearEnd = PollSchedule.nearEnd(next, now, settings);
            if (next.state().isFinal()) {
                JobUpdates.error(next, "lost: the video API answered task_not_exist {} times", settings.lostAfter());
            } else {
                JobUpdates.warn(next, "poll failed ({} in a row): {}", next.task().pollErrors(), e.getMessage());
            }
        }
        return next;
    }

    /**
     * Notes what the poll asked at {@code asked} saw (and learns from a job it saw completed), then sets when to poll
     * next: by the {@link LearnedSchedule} when jobs of its kind have taught when they finish and their progress
     * cannot say it, else by the progress-based {@link PollSchedule}; while progress does not move, no sooner than
     * the poll budget allows, so a stalled job is never polled faster than the fixed-interval baseline would.
     */
    private void scheduleAfter(Job before, Job after, Tracked tracked, Instant asked, Instant now) {
        Instant submitted = after.times().submittedAt();
        boolean running = after.state() == JobState.QUEUED || after.state() == JobState.RUNNING;
        if (submitted == null) {
            tracked.pollAt = now.plus(PollSchedule.next(after, now, settings, random.getAsDouble()));
            tracked.pollNearEnd = PollSchedule.nearEnd(after, now, settings);
            return;
        }
        ProgressLog polls = tracked.polls;
        long elapsed = Duration.between(submitted, now).toMillis();
        if (polls.mayLackPolls()) {
            polls.resumedAt(elapsed, settings.minPollInterval().toMillis());
        }
        if (running) {
            polls.running(Duration.between(submitted, asked).toMillis(), elapsed, after.task().progress());
        } else {
            polls.counted();
            if (after.state() == JobState.COMPLETED && before.state() != JobState.COMPLETED) {
                finishTimes.learn(after, polls, elapsed);
            }
        }
        if (running && scheduleLearned(after, tracked, elapsed, now)) {
            return;
        }
        Duration wait = PollSchedule.next(after, now, settings, random.getAsDouble());
        if (running && before.task().progress() == after.task().progress()) {
            wait = Duration.ofMillis(Math.max(wait.toMillis(), LearnedSchedule.budgetWait(polls, elapsed, settings)));
        }
        tracked.pollAt = now.plus(wait);
        tracked.pollNearEnd = PollSchedule.nearEnd(after, now, settings);
    }

    /** Gives up on the job when the watchdog says so; otherwise makes sure the next poll is no later than that. */
    private Job checkWatchdog(Job job, Tracked tracked) {
        if (job.state().isFinal()) {
            return job;
        }
        Instant now = clock.instant();
        ModelSpec model = catalog.specFor(job.request().model());
        Optional<Failure> verdict = Watchdog.verdict(job, model, settings.noProgressTimeout(), now);
        if (verdict.isEmpty()) {
            Instant deadline = Watchdog.deadline(job, model, settings.noProgressTimeout());
            if (deadline.isBefore(tracked.pollAt)) {
                tracked.pollAt = deadline;
                tracked.pollNearEnd = true;
            }
            return job;
        }
        Job next = updates.apply(job, j -> Transitions.timedOut(j, verdict.get(), now));
        JobUpdates.error(next, "timed out: {}", verdict.get().message());
        return next;
    }
}
