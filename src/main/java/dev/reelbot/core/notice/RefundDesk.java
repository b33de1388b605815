package dev.reelbot.core.notice;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.text.HumanFormat;
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

    /** The open cases, then how to resolve one ({@code resolveCommand}, as typed on the asker's platform). */
    public String list(String resolveCommand) {
        List<Job> open = store.openRefunds();
        if (open.isEmpty()) {
            return "No open refund cases.";
        }
        StringBuilder text = new StringBuilder(open.size() + " open refund case" + (open.size() == 1 ? "" : "s")
                + " (oldest first):\n");
        for (Job job : open) {
            text.append("• `").append(job.id()).append("` ").append(describe(job)).append('\n');
        }
        return text.append("Resolve one with: ").append(resolveCommand).toString();
    }

    /** One open case in a line: who, model, task, when billed, why. */
    public static String describe(Job job) {
        Requester who = job.requester();
        return who.userName() + " (" + who.platform() + ' ' + who.user() + ") · " + job.request().model() + " · task "
                + (job.task().taskId() == null ? "unknown" : job.task().taskId()) + " · billed "
                + HumanFormat.when(job.times().startedAt()) + " · " + job.refund().reason();
    }

    public Reply resolve(Requester admin, String jobId, String note) {
        Optional<Job> found = store.find(jobId);
        if (found.isEmpty()) {
            return Reply.refused("There is no job `" + jobId + "`.");
        }
        RefundState state = found.get().refund().state();
        if (state == RefundState.RESOLVED) {
            return Reply.refused("Job `" + jobId + "` was already resolved by " + found.get().refund().resolvedBy()
                    + ".");
        }
        if (state == RefundState.NONE) {
            return Reply.refused("Job `" + jobId + "` has no refund case.");
        }
        Job resolved = updates.apply(found.get(), j -> Transitions.resolved(j, admin.userName(), note,
                clock.instant()));
        if (resolved.refund().state() != RefundState.RESOLVED) {
            return Reply.refused("Job `" + jobId + "`'s notice is still being posted; try again in a moment.");
        }
        JobUpdates.event(resolved, "refund resolved by {}{}", admin.qualifiedUser(),
                note == null || note.isBlank() ? "" : ": " + note);
        afterResolve.accept(resolved);
        return new Reply("✅ Refund for job `" + jobId + "` marked resolved.", true, jobId);
    }
}
