package dev.reelbot.core.render;

import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Requester;
import dev.reelbot.core.billing.BudgetAlert;
import dev.reelbot.core.billing.BudgetWatch;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobDelivery;
import dev.reelbot.core.job.JobRefund;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The admins' notices (refund cases, videos no chat took, budget alerts), in the admins' language
 * ({@code messages.admin-locale}), whatever language the job's requester reads.
 */
final class AdminNotices {
    private final Texts admins;

    AdminNotices(Texts admins) {
        this.admins = admins;
    }

    /** The admin notice of a job: its refund case's, or its delivery notice. */
    public NoticeView notice(Job job, NoticeKind kind, boolean repeated) {
        return kind == NoticeKind.REFUND ? refundNotice(job, repeated) : deliveryNotice(job, repeated);
    }

    private NoticeView refundNotice(Job job, boolean repeated) {
        Texts t = admins;
        List<NoticeView.Fact> facts = whoWhatWhere(job, t);
        Instant billed = job.times().startedAt();
        facts.add(fact(t, job.times().submittedAt() != null ? "notice.billed" : "notice.maybe-billed",
                t.when(billed)));
        if (job.price() != null) {
            facts.add(fact(t, "notice.amount", job.price().format()));
        }
        facts.add(fact(t, "notice.why", refundReason(job, t)));
        if (job.failure() != null && job.failure().detail() != null) {
            facts.add(fact(t, "notice.details", t.get("notice.details.value", job.id())));
        }
        facts.add(fact(t, "notice.prompt", PlainText.oneLine(job.request().prompt(), 200)));
        JobRefund refund = job.refund();
        boolean resolved = refund.state() == RefundState.RESOLVED;
        if (resolved) {
            boolean noNote = refund.note() == null || refund.note().isBlank();
            facts.add(fact(t, "notice.resolved", t.get(noNote ? "notice.resolved.value" : "notice.resolved.noted",
                    refund.resolvedBy(), t.when(refund.resolvedAt()), noNote ? "" : refund.note())));
        }
        return new NoticeView(job.id(), t.get(resolved ? "notice.refund-resolved" : "notice.refund-needed"), facts,
                resolved, repeated, NoticeKind.REFUND, t.tag());
    }

    /** A video that was made but that no chat took: where it is, so an admin can hand it over. */
    private NoticeView deliveryNotice(Job job, boolean repeated) {
        Texts t = admins;
        List<NoticeView.Fact> facts = whoWhatWhere(job, t);
        JobDelivery delivery = job.delivery();
        facts.add(fact(t, "notice.why", delivery.note() == null ? t.get("notice.no-reason") : delivery.note()));
        String until = job.task().expiresAt() == null ? "" : t.when(job.task().expiresAt());
        facts.add(fact(t, "notice.video", delivery.kept() != null ? t.get("notice.video.kept", delivery.kept())
                : t.get(until.isEmpty() ? "notice.video.at-api" : "notice.video.at-api-until", job.task().taskId(),
                until)));
        if (delivery.link() != null) {
            facts.add(fact(t, "notice.link", delivery.link().expiresAt() == null ? delivery.link().url()
                    : t.get("notice.link.until", delivery.link().url(), t.when(delivery.link().expiresAt()))));
        }
        facts.add(fact(t, "notice.prompt", PlainText.oneLine(job.request().prompt(), 200)));
        return new NoticeView(job.id(), t.get("notice.not-delivered"), facts, false, repeated, NoticeKind.DELIVERY,
                t.tag());
    }

    /** Why the job is a refund case, in the admins' language when the reason is the failure's own words. */
    static String refundReason(Job job, Texts t) {
        String reason = job.refund().reason();
        boolean failuresOwn = job.failure() != null && job.failure().message().equals(reason);
        return reason == null || failuresOwn ? Renderer.reason(job, t) : reason;
    }

    /** Who asked, where, for which model and task. */
    private static List<NoticeView.Fact> whoWhatWhere(Job job, Texts t) {
        List<NoticeView.Fact> facts = new ArrayList<>();
        Requester who = job.requester();
        facts.add(fact(t, "notice.requester", t.get("notice.requester.value", who.userName(), who.platform(),
                who.user())));
        facts.add(fact(t, "notice.where", who.platform() + " " + who.workspace() + " / " + who.channel()));
        facts.add(fact(t, "notice.model", job.request().model()));
        facts.add(fact(t, "notice.task", job.task().taskId() == null ? t.get("notice.task.unknown")
                : job.task().taskId()));
        return facts;
    }

    private static NoticeView.Fact fact(Texts t, String labelKey, String value) {
        return new NoticeView.Fact(t.get(labelKey), value);
    }

    /** The admins' notice that a monthly budget passed its alert level (it has no button: nothing to resolve). */
    public NoticeView budgetAlert(BudgetAlert alert) {
        Texts t = admins;
        Requester who = alert.where();
        boolean channel = alert.scope().equals("channel");
        String budget = channel ? t.get("budget.channel", who.channel(), who.platform(), who.workspace())
                : t.get("budget.workspace", who.platform(), who.workspace());
        List<NoticeView.Fact> facts = List.of(
                fact(t, "budget.budget", budget),
                fact(t, "budget.spent", t.get("budget.spent.value", alert.spent().format(), alert.limit().format(),
                        alert.spent().percentOf(alert.limit()))),
                fact(t, "budget.starts-again", t.when(alert.resetsAt())),
                fact(t, "budget.passed-with", t.get("budget.passed-with.value", alert.jobId(), who.userName())),
                fact(t, "budget.limit", t.get("budget.limit.value", channel ? "channels" : "workspaces")));
        return new NoticeView(alert.jobId(), t.get("budget.title", BudgetWatch.ALERT_PERCENT), facts, true, false,
                NoticeKind.REFUND, t.tag());
    }
}
