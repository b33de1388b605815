package dev.reelbot.core.notice;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.render.Renderer;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Texts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The admins' side of refunds: the list of open cases, and resolving one. */
public final class RefundDesk {
    private final JobStore store;
    private final JobUpdates updates;
    private final Clock clock;
    private final Consumer<Job> afterResolve;

    /**
     * @param afterResolve called with the resolved job, so the engine shows the resolution on its notice (quick:
     *                     it only schedules that)
     */
    public RefundDesk(JobStore store, JobUpdates updates, Clock clock, Consumer<Job> afterResolve) {
        this.store = store;
        this.updates = updates;
        this.clock = clock;
        this.afterResolve = afterResolve;
    }

    /**
     * The open cases, then how to resolve one, in the asker's language ({@code t}, phrased for their platform);
     * {@code commandName} is the bot's command word.
     */
    public String list(Texts t, String commandName) {
        List<Job> open = store.openRefunds();
        if (open.isEmpty()) {
            return t.get("refunds.none");
        }
        StringBuilder text = new StringBuilder(t.get("refunds.title", open.size())).append('\n');
        for (Job job : open) {
            Requester who = job.requester();
            text.append(t.get("refunds.line", job.id(), who.userName(), who.platform(), who.user(),
                    job.request().model(), job.task().taskId() == null ? t.get("refunds.task-unknown")
                    : job.task().taskId(), t.when(job.times().startedAt()), Renderer.refundReason(job, t)))
                    .append('\n');
        }
        return text.append(t.get("refunds.resolve-with", new Msg.Cmd(commandName, "admin resolve <job> [note]")))
                .toString();
    }

    /** One open case in a line: who, model, task, when billed, why; in the language of {@code t}. */
    public static String describe(Job job, Texts t) {
        Requester who = job.requester();
        return t.get("refunds.case", who.userName(), who.platform(), who.user(), job.request().model(),
                job.task().taskId() == null ? t.get("refunds.task-unknown") : job.task().taskId(),
                t.when(job.times().startedAt()), Renderer.refundReason(job, t));
    }

    public Reply resolve(Requester admin, String jobId, String note) {
        Optional<Job> found = store.find(jobId);
        if (found.isEmpty()) {
            return Reply.refused(admin.texts().get("refunds.no-job", jobId));
        }
        RefundState state = found.get().refund().state();
        if (state == RefundState.RESOLVED) {
            return Reply.refused(admin.texts().get("refunds.already", jobId, found.get().refund().resolvedBy()));
        }
        if (state == RefundState.NONE) {
            return Reply.refused(admin.texts().get("refunds.no-case", jobId));
        }
        Job resolved = updates.apply(found.get(), j -> Transitions.resolved(j, admin.userName(), note,
                clock.instant()));
        if (resolved.refund().state() != RefundState.RESOLVED) {
            return Reply.refused(admin.texts().get("refunds.posting", jobId));
        }
        JobUpdates.event(resolved, "refund resolved by {}{}", admin.qualifiedUser(),
                note == null || note.isBlank() ? "" : ": " + note);
        afterResolve.accept(resolved);
        return new Reply(admin.texts().get("refunds.resolved", jobId), true, jobId);
    }
}
