package dev.reelbot.core.render;

import dev.reelbot.core.JobView;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.billing.BudgetAlert;
import dev.reelbot.core.billing.BudgetWatch;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobDelivery;
import dev.reelbot.core.job.JobRefund;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.core.text.Languages;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a job into what its message shows. Pure: the same job at the same instant always renders the same view,
 * which is what lets the engine edit a message only when what the user sees has changed.
 */
public final class Renderer {
    static final int PROMPT_CHARS = 600;
    private static final int BAR_CELLS = 10;

    private final ModelCatalog catalog;
    private final Texts admins;
    private final WaitingPlace.Lookup places;

    /** A renderer with no queue, whose admin notices are in English. */
    public Renderer(ModelCatalog catalog) {
        this(catalog, WaitingPlace.Lookup.NONE, Languages.ENGLISH);
    }

    /** A renderer with no queue, whose admin notices are in {@code adminLocale}. */
    public Renderer(ModelCatalog catalog, String adminLocale) {
        this(catalog, WaitingPlace.Lookup.NONE, adminLocale);
    }

    /**
     * @param places      where each job waiting to be sent stands in the queue
     * @param adminLocale the language of the admins' notices ({@code messages.admin-locale})
     */
    public Renderer(ModelCatalog catalog, WaitingPlace.Lookup places, String adminLocale) {
        this.catalog = catalog;
        this.places = places;
        this.admins = Texts.in(adminLocale);
    }

    /** The job's message, in its requester's language. */
    public JobView render(Job job, Instant now) {
        return render(job, now, job.requester().texts());
    }

    private JobView render(Job job, Instant now, Texts t) {
        String headline;
        String status;
        String bar = null;
        JobView.Result result = null;
        List<JobView.Action> actions = List.of();
        switch (job.state()) {
            case SUBMITTING, SENDING -> {
                headline = t.get("job.submitting");
                status = t.get("job.submitting.status");
            }
            case WAITING -> {
                Optional<WaitingPlace> place = places.of(job.id());
                headline = t.get(place.isPresent() && place.get().ownLimit() ? "job.waiting.own" : "job.waiting");
                status = place.map(p -> inLine(p, t)).orElse(t.get("job.waiting.status"));
                actions = List.of(JobView.Action.CANCEL);
            }
            case CANCELLED -> {
                headline = t.get("job.cancelled");
                status = t.get("job.cancelled.status");
                result = new JobView.Failed(reason(job, t), JobView.Refund.NONE);
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case QUEUED -> {
                headline = t.get("job.queued");
                status = t.get("job.queued.status");
            }
            case RUNNING -> {
                headline = t.get("job.running");
                status = t.get("job.running.status");
                bar = progressBar(job.task().progress());
            }
            case COMPLETED -> {
                JobDelivery delivery = job.delivery();
                VideoLink link = delivery.link();
                switch (delivery.state()) {
                    case UPLOADED -> {
                        headline = t.get("job.ready");
                        status = t.get("job.ready.uploaded");
                        result = new JobView.Uploaded(delivery.note(), link, false);
                    }
                    case TRANSCODED -> {
                        headline = t.get("job.ready");
                        status = t.get(link != null ? "job.ready.compressed-link" : "job.ready.compressed");
                        result = new JobView.Uploaded(delivery.note(), link, true);
                    }
                    case LINKED -> {
                        headline = t.get("job.ready");
                        status = link.expiresAt() == null ? t.get("job.ready.linked")
                                : t.get("job.ready.linked-until", t.when(link.expiresAt()));
                        result = new JobView.Linked(link.url(), link.expiresAt(), delivery.note(), delivery.poster());
                    }
                    case UNDELIVERED -> {
                        headline = t.get("job.kept");
                        status = t.get(delivery.notice() == NoticeState.POSTED ? "job.kept.told" : "job.kept.telling");
                        result = new JobView.Kept(delivery.note(), delivery.notice() == NoticeState.POSTED);
                    }
                    default -> {
                        headline = t.get("job.fetching");
                        status = t.get("job.fetching.status");
                        bar = progressBar(100);
                    }
                }
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case FAILED -> {
                headline = t.get("job.failed");
                status = t.get("job.failed.status");
                result = failed(job, t);
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case TIMED_OUT -> {
                headline = t.get("job.timed-out");
                status = t.get("job.timed-out.status");
                result = failed(job, t);
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case SUBMIT_UNKNOWN -> {
                headline = t.get("job.unconfirmed");
                status = t.get("job.unconfirmed.status");
                result = failed(job, t);
                actions = List.of(JobView.Action.DETAILS);
            }
            default -> {
                headline = t.get("job.rejected");
                status = t.get("job.rejected.status");
                result = new JobView.Failed(reason(job, t), JobView.Refund.NONE);
            }
        }
        boolean isFinal = job.state().isFinal() && job.delivery().state().isDone();
        return new JobView(job.id(), headline, PlainText.oneLine(job.request().prompt(), PROMPT_CHARS),
                job.requester().user(), settings(job.request(), t), status, bar, elapsed(job, now, t), result,
                isFinal, isFinal || job.state() == JobState.WAITING ? actions : List.of(), t.tag());
    }

    /** "3rd in line · about 2 min": where a waiting job stands, and the wait when there is one to estimate. */
    static String inLine(WaitingPlace place, Texts t) {
        String text = t.get("job.waiting.place", t.ordinal(place.place()));
        return place.estimate() == null ? text : text + " · " + t.about(place.estimate());
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
    public static String refundReason(Job job, Texts t) {
        String reason = job.refund().reason();
        return reason == null || job.failure() != null && reason.equals(job.failure().message()) ? reason(job, t)
                : reason;
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

    /** The headline of the job's message, in the language of {@code t} (the asker's). */
    public String summaryHeadline(Job job, Instant now, Texts t) {
        return render(job, now, t).headline();
    }

    /** One line per job for {@code list} and {@code status}, in the asker's language; a waiting job's with its place. */
    public String summary(Job job, Instant now, Texts t) {
        JobView view = render(job, now, t);
        String progress = view.progressBar() == null ? "" : " " + view.progressBar();
        String place = job.state() == JobState.WAITING ? " (" + view.status() + ")" : "";
        return "`" + job.id() + "` " + view.headline() + place + progress + " · " + view.settings() + " · "
                + PlainText.cap(view.prompt(), 60) + " · " + view.elapsed();
    }

    private JobView.Failed failed(Job job, Texts t) {
        JobView.Refund refund = switch (job.refund().state()) {
            case NONE -> JobView.Refund.NONE;
            case NEEDED, NOTIFYING -> JobView.Refund.NOTIFYING;
            case OPEN, RESOLVED -> JobView.Refund.NOTIFIED;
        };
        return new JobView.Failed(reason(job, t), refund);
    }

    /** Why the job failed, in words for its requester. */
    public static String reason(Job job, Texts t) {
        return job.failure() == null ? t.get("job.no-reason") : job.failure().message(t);
    }

    /** "sora-2 · 8 s · 1280x720" and any other options, in the language of {@code t}. */
    public String settings(VideoRequest request, Texts t) {
        ModelSpec model = catalog.specFor(request.model());
        int seconds = request.seconds() != null ? request.seconds() : model.defaultDuration();
        String size = request.size() != null ? request.size() : model.defaultSize();
        StringBuilder text = new StringBuilder(request.model()).append(" · ").append(t.get("settings.seconds",
                seconds)).append(" · ").append(size);
        if (request.seed() != null) {
            text.append(" · ").append(t.get("settings.seed", String.valueOf(request.seed())));
        }
        if (request.count() != null && request.count() > 1) {
            text.append(" · ×").append(request.count());
        }
        if (request.imageUrl() != null) {
            text.append(" · ").append(t.get("settings.image"));
        }
        return text.toString();
    }

    static String progressBar(int percent) {
        int filled = Math.max(0, Math.min(BAR_CELLS, percent * BAR_CELLS / 100));
        return "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled) + " " + percent + "%";
    }

    static String elapsed(Job job, Instant now, Texts t) {
        Instant end = job.times().finishedAt() != null ? job.times().finishedAt() : now;
        String took = t.duration(Duration.between(job.times().createdAt(), end));
        return job.state().isFinal() ? t.get("job.took", took) : took;
    }
}
