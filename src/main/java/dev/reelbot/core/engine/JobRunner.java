package dev.reelbot.core.engine;

import dev.reelbot.core.ChatPort;
import dev.reelbot.core.deliver.Deliverer;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.SendLimits;
import dev.reelbot.core.notice.NoticeDesk;
import dev.reelbot.core.queue.CapacityQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of one job: does every duty that is due, in the order that keeps messages true (send it when its turn
 * in the queue has come, or let it wait; poll the API; post the message if there is none; deliver the video; raise
 * an admin notice (a refund case's, or a delivery notice for a video no chat took), so the final view can say it
 * was raised; show the latest view), and says when the job next needs a step. Admin notices keep a schedule of
 * their own: when the admin room is in trouble the requester's message goes ahead without them.
 */
final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration PARKED = Duration.ofMinutes(1);
    /** How soon a job whose platform is still connecting looks again. */
    private static final Duration NOT_READY = Duration.ofSeconds(2);

    private final JobStore store;
    private final ChatPorts chats;
    private final TaskWatcher watcher;
    private final Deliverer deliverer;
    private final NoticeDesk notices;
    private final MessageKeeper messages;
    private final PendingSubmissions pending;
    private final CapacityQueue queue;
    private final Clock clock;

    JobRunner(JobStore store, ChatPorts chats, TaskWatcher watcher, Deliverer deliverer, NoticeDesk notices,
              MessageKeeper messages, PendingSubmissions pending, CapacityQueue queue, Clock clock) {
        this.store = store;
        this.chats = chats;
        this.watcher = watcher;
        this.deliverer = deliverer;
        this.notices = notices;
        this.messages = messages;
        this.pending = pending;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Runs the job's due duties; returns when it next needs a step, or empty when it is settled. The job is the copy
     * its last step left ({@link Tracked#takeKept}), or read from the store.
     */
    Optional<Instant> step(Tracked tracked) {
        tracked.routine = false;
        Optional<Job> found = tracked.takeKept().or(() -> store.find(tracked.jobId));
        if (found.isEmpty()) {
            log.error("job={} is tracked but not in the store; dropping it", tracked.jobId);
            return Optional.empty();
        }
        Job job = duties(found.get(), tracked);
        tracked.keep(job);
        if (job.isSettled()) {
            return Optional.empty();
        }
        if (!chats.serves(job.requester().platform())) {
            tracked.routine = true;
            return Optional.of(clock.instant().plus(PARKED));
        }
        if (!chats.forPlatform(job.requester().platform()).isReady()) {
            tracked.routine = true;
            return Optional.of(nextStep(job, tracked, NOT_READY));
        }
        tracked.routine = isActive(job) && job.message().ref() != null && !tracked.pollNearEnd;
        return Optional.of(nextStep(job, tracked));
    }

    /** Does every duty that is due (the chat's only while its platform is there); returns the job they left. */
    private Job duties(Job start, Tracked tracked) {
        Job job = start;
        boolean wasInFlight = job.state().isInFlight();
        if (job.state().isUnsent() && tracked.onSubmitPool) {
            job = submit(job, tracked);
        } else if (job.state() == JobState.SENDING) {
            job = tracked.unrecordedRefusal ? watcher.backInLine(job)
                    : watcher.abandonedSubmission(job, tracked.unrecordedTaskId);
        }
        tracked.unrecordedRefusal = false;
        leftSubmitting(job, tracked);
        if (isActive(job) && due(tracked.pollAt)) {
            job = watcher.poll(job, tracked);
        }
        if (!chats.serves(job.requester().platform())) {
            return job;
        }
        ChatPort chat = chats.forPlatform(job.requester().platform());
        if (!chat.isReady()) {
            return job;
        }
        boolean showsMessage = job.state() != JobState.REJECTED;
        if (showsMessage && job.message().ref() == null && due(tracked.chatAt)) {
            job = messages.update(job, tracked, chat);
        }
        if (job.delivery().state() == DeliveryState.PENDING && (job.message().ref() != null || job.unreachable())
                && deliverer.due(tracked.delivery)) {
            job = deliverer.deliver(job, tracked.delivery, chat);
        }
        if (job.noticePending() && due(tracked.notice.nextAttempt())) {
            job = notices.notify(job, tracked.notice, chat);
        } else if (job.refund().noticeOutdated() && due(tracked.notice.nextAttempt())) {
            job = notices.showResolution(job, tracked.notice, chat);
        }
        if (due(MessageKeeper.chatAt(job, tracked))) {
            job = messages.update(job, tracked, chat);
        }
        if (!job.noticePending() && !job.refund().noticeOutdated()) {
            notices.settled(job.id());
        }
        if (wasInFlight && !job.state().isInFlight()) {
            queue.changed();
        }
        return job;
    }

    /**
     * Sends the job's create request when its turn in the queue has come, unless a graceful stop closed the gate (it
     * then waits for the next start, unbilled); else the job waits in the queue, and its message says so. The
     * request goes out only after this step won the {@code SENDING} mark, so no later step, here or after a restart,
     * can send it again; the store gives that mark only while the jobs in flight leave room, whichever instance sent
     * them.
     */
    private Job submit(Job job, Tracked tracked) {
        tracked.awaitingSubmission = false;
        Optional<SendLimits> turn = queue.tryStart(job);
        if (turn.isEmpty()) {
            // Left to the queue's next pass, which wakes it to send: not shown as waiting for the moment that takes.
            boolean waits = job.state() == JobState.SUBMITTING && !queue.awaitsPass(job.id());
            return waits ? watcher.toWaiting(job) : job;
        }
        try {
            if (!pending.startSending()) {
                return job;
            }
            try {
                Optional<Job> marked = watcher.markSending(job, turn.get());
                if (marked.isEmpty()) {
                    // Changed meanwhile, or no room: another instance's job took the slot since the queue's pass.
                    Job now = store.find(job.id()).orElse(job);
                    return now.state() == JobState.SUBMITTING ? watcher.toWaiting(now) : now;
                }
                leftSubmitting(marked.get(), tracked);
                return watcher.send(marked.get(), tracked);
            } finally {
                pending.stoppedSending();
            }
        } finally {
            queue.done(job.id());
        }
    }

    /** Once the job is past {@code SUBMITTING} (sent, or waiting in the queue), it no longer holds up a stop. */
    private void leftSubmitting(Job job, Tracked tracked) {
        if (job.state() != JobState.SUBMITTING && tracked.uncount()) {
            pending.done();
        }
    }

    /** The next step while the platform is connecting: the next poll, or a look at the platform soon. */
    private Instant nextStep(Job job, Tracked tracked, Duration chatWait) {
        Instant next = clock.instant().plus(chatWait);
        return isActive(job) ? earliest(next, latest(tracked.pollAt, clock.instant())) : next;
    }

    private Instant nextStep(Job job, Tracked tracked) {
        Instant now = clock.instant();
        if (job.state().isUnsent() && tracked.awaitingSubmission) {
            return now;
        }
        Instant next = now.plus(job.state() == JobState.SUBMITTING ? NOT_READY : PARKED);
        if (isActive(job)) {
            next = earliest(next, tracked.pollAt);
        }
        if (job.delivery().state() == DeliveryState.PENDING) {
            next = earliest(next, job.message().ref() == null && !job.unreachable() ? tracked.chatAt
                    : tracked.delivery.nextAttempt());
        }
        if (job.noticePending() || job.refund().noticeOutdated()) {
            next = earliest(next, tracked.notice.nextAttempt());
        }
        Instant messageDue = messages.due(job, tracked);
        if (messageDue != null) {
            next = earliest(next, latest(messageDue, MessageKeeper.chatAt(job, tracked)));
        }
        return latest(next, now);
    }

    private static boolean isActive(Job job) {
        return job.state() == JobState.QUEUED || job.state() == JobState.RUNNING;
    }

    private boolean due(Instant at) {
        return !at.isAfter(clock.instant());
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
