package dev.reelbot.core.engine;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.core.render.Renderer;
import dev.reelbot.core.render.WaitingPlace;
import dev.reelbot.core.text.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps a job's message true: posts it, edits it when what it shows changed (see {@link EditPolicy}), posts a new
 * one when someone deleted it, and tells a requester whose job was refused privately, since a refused job has no
 * channel message. A job waiting far back in the line ({@link #CLOSE_PLACES} or more ahead of it) shows its new
 * place at the heartbeat's pace only, so a long line moving does not spend the platform's edit budget.
 */
final class MessageKeeper {
    private final JobUpdates updates;
    private final Renderer renderer;
    private final EngineSettings settings;
    private final Clock clock;
    /** Places in line shown as they move; further back, the heartbeat paces the edits. */
    static final int CLOSE_PLACES = 10;

    private final EngineMetrics metrics;
    private final WaitingPlace.Lookup places;

    MessageKeeper(JobUpdates updates, Renderer renderer, EngineSettings settings, Clock clock,
                  EngineMetrics metrics, WaitingPlace.Lookup places) {
        this.updates = updates;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.places = places;
    }

    /** How soon after the last edit a changed view may be shown. */
    private Duration editInterval(Job job) {
        boolean farBack = job.state() == JobState.WAITING && places.of(job.id())
                .map(place -> place.place() > CLOSE_PLACES).orElse(false);
        return farBack ? settings.heartbeat() : settings.editInterval();
    }

    /** When the message should next be touched, or {@code null} when it is up to date for good. */
    Instant due(Job job, Tracked tracked) {
        if (job.state() == JobState.REJECTED || job.state() == JobState.SUBMITTING
                || job.state() == JobState.SENDING) {
            return job.state() == JobState.REJECTED && !job.message().finalShown() ? clock.instant() : null;
        }
        if (job.unreachable()) {
            return null;
        }
        Instant now = clock.instant();
        return EditPolicy.due(job.message(), Renderer.showsFinal(job), seen(job, tracked, now).fingerprint(), now,
                settings, editInterval(job));
    }

    /**
     * What the job's message should show: the fingerprint and view kept for this copy of the job and its place in
     * line, or else the view rendered now and its fingerprint (then kept).
     */
    private Seen seen(Job job, Tracked tracked, Instant now) {
        Optional<WaitingPlace> place = job.state() == JobState.WAITING ? places.of(job.id()) : Optional.empty();
        String kept = tracked.shown.of(job, place.orElse(null));
        if (kept != null) {
            return new Seen(kept, tracked.shown.view());
        }
        JobView view = renderer.render(job, now, place);
        String fingerprint = Fingerprint.of(view);
        tracked.shown.keep(job, place.orElse(null), view, fingerprint);
        return new Seen(fingerprint, view);
    }

    /** What a message should show: its fingerprint, and the view it was made from. */
    private record Seen(String fingerprint, JobView rendered) {
    }

    /**
     * When the message may next be touched after a refusal: a final view may go before a wait that a held-back
     * progress edit set (see {@link Tracked#finalChatAt}).
     */
    static Instant chatAt(Job job, Tracked tracked) {
        return Renderer.showsFinal(job) && tracked.finalChatAt.isBefore(tracked.chatAt) ? tracked.finalChatAt
                : tracked.chatAt;
    }

    Job update(Job job, Tracked tracked, ChatPort chat) {
        if (job.state() == JobState.REJECTED) {
            return tellPrivately(job, tracked, chat);
        }
        if (job.unreachable()) {
            return job;
        }
        Instant now = clock.instant();
        Seen seen = seen(job, tracked, now);
        String fingerprint = seen.fingerprint();
        boolean isFinal = Renderer.showsFinal(job);
        if (!EditPolicy.isDue(EditPolicy.due(job.message(), isFinal, fingerprint, now, settings, editInterval(job)),
                now)) {
            return job;
        }
        // The view the fingerprint was made from (the same copy of the job in the same place), its elapsed time now.
        JobView view = renderer.at(seen.rendered(), job, now);
        MessageRef ref = job.message().ref();
        // A key already stored means an earlier attempt (here, or before a restart) may have posted the message,
        // unless every attempt with it was turned away as rate limited, which a platform never carries out.
        boolean maybeSent = job.message().postKey() != null && !tracked.postKeyUnused;
        if (ref == null && job.message().postKey() == null) {
            String key = job.id() + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
            job = updates.apply(job, j -> Transitions.postIntended(j, key, now));
        }
        PostKey postKey = ref == null ? new PostKey(job.message().postKey(), maybeSent) : null;
        tracked.postKeyUnused = false;
        try {
            MessageRef shown = ref == null ? chat.post(job.requester().conversation(), view, postKey) : ref;
            if (ref != null) {
                chat.edit(ref, view);
            }
            tracked.chatErrors = 0;
            metrics.messageUpdate(chat.platform(), "sent");
            // A post that may have found an earlier attempt's message shows what that attempt rendered: recorded as
            // unknown, so the next update edits it to the current view.
            boolean contentKnown = ref != null || !maybeSent;
            Job next = updates.apply(job, j -> Transitions.shown(j, shown, contentKnown ? fingerprint : null,
                    contentKnown && view.isFinal(), now));
            if (ref == null) {
                JobUpdates.event(next, "message posted in {} as {}", shown.channel(), shown.messageId());
            }
            return next;
        } catch (ChatException e) {
            tracked.postKeyUnused = ref == null && !maybeSent && e.kind() == ChatException.Kind.RATE_LIMITED;
            metrics.messageUpdate(chat.platform(), e.kind() != ChatException.Kind.RATE_LIMITED ? "failed"
                    : e.fromPlatform() ? "rate_limited" : "throttled");
            return failed(job, tracked, e, view.isFinal());
        }
    }

    private Job tellPrivately(Job job, Tracked tracked, ChatPort chat) {
        if (job.message().finalShown()) {
            return job;
        }
        try {
            Texts t = job.requester().texts();
            chat.whisper(job.requester(), t.get("job.not-started.whisper", job.id(), Renderer.reason(job, t)));
            return updates.apply(job, j -> Transitions.toldPrivately(j, clock.instant()));
        } catch (ChatException e) {
            return failed(job, tracked, e, true);
        }
    }

    private Job failed(Job job, Tracked tracked, ChatException e, boolean isFinal) {
        Instant now = clock.instant();
        switch (e.kind()) {
            case MESSAGE_GONE -> {
                JobUpdates.warn(job, "message was deleted; posting a new one");
                return updates.apply(job, j -> Transitions.messageGone(j, now));
            }
            case RATE_LIMITED -> {
                tracked.chatWait(now.plus(EditPolicy.RETRIES.after(tracked.chatErrors, e.retryAfter())),
                        !isFinal && !e.fromPlatform());
                return job;
            }
            case NO_ACCESS, REFUSED -> {
                if (isFinal || job.message().ref() == null) {
                    JobUpdates.error(job, "cannot show the outcome to the requester: {}", e.getMessage());
                    return updates.apply(job, j -> Transitions.unreachable(j, e.getMessage(), now));
                }
                tracked.chatWait(now.plus(EditPolicy.RETRIES.after(++tracked.chatErrors + 4)), false);
                JobUpdates.warn(job, "cannot show progress ({}); retrying later", e.getMessage());
                return job;
            }
            default -> {
                tracked.chatWait(now.plus(EditPolicy.RETRIES.after(tracked.chatErrors++)), false);
                JobUpdates.warn(job, "chat call failed ({}); retrying", e.getMessage());
                return job;
            }
        }
    }
}
