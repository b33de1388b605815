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
import dev.reelbot.core.text.HumanFormat;
import dev.reelbot.core.text.PlainText;
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
    private final WaitingPlace.Lookup places;

    public Renderer(ModelCatalog catalog) {
        this(catalog, WaitingPlace.Lookup.NONE);
    }

    /** @param places where each job waiting to be sent stands in the queue */
    public Renderer(ModelCatalog catalog, WaitingPlace.Lookup places) {
        this.catalog = catalog;
        this.places = places;
    }

    public JobView render(Job job, Instant now) {
        String headline;
        String status;
        String bar = null;
        JobView.Result result = null;
        List<JobView.Action> actions = List.of();
        switch (job.state()) {
            case SUBMITTING, SENDING -> {
                headline = "⏳ Submitting";
                status = "Sending the job to the video API…";
            }
            case WAITING -> {
                Optional<WaitingPlace> place = places.of(job.id());
                headline = place.isPresent() && place.get().ownLimit() ? "⏳ Waiting for your other videos"
                        : "⏳ Waiting for capacity";
                status = place.map(Renderer::inLine).orElse("Waiting for its turn…");
                actions = List.of(JobView.Action.CANCEL);
            }
            case CANCELLED -> {
                headline = "🛑 Cancelled";
                status = "It was never sent, so nothing was charged.";
                result = new JobView.Failed(reason(job), JobView.Refund.NONE);
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case QUEUED -> {
                headline = "⏳ Queued";
                status = "Waiting in the video API's queue…";
            }
            case RUNNING -> {
                headline = "🎬 Generating";
                status = "Generating…";
                bar = progressBar(job.task().progress());
            }
            case COMPLETED -> {
                JobDelivery delivery = job.delivery();
                VideoLink link = delivery.link();
                switch (delivery.state()) {
                    case UPLOADED -> {
                        headline = "✅ Video ready";
                        status = "Delivered: uploaded.";
                        result = new JobView.Uploaded(delivery.note(), link, false);
                    }
                    case TRANSCODED -> {
                        headline = "✅ Video ready";
                        status = link != null ? "Delivered: uploaded (compressed to fit; full quality: link)."
                                : "Delivered: uploaded (compressed to fit the upload limit here).";
                        result = new JobView.Uploaded(delivery.note(), link, true);
                    }
                    case LINKED -> {
                        headline = "✅ Video ready";
                        status = "Delivered: link" + (link.expiresAt() == null ? "" : " (expires "
                                + HumanFormat.when(link.expiresAt()) + ")") + ".";
                        result = new JobView.Linked(link.url(), link.expiresAt(), delivery.note(), delivery.poster());
                    }
                    case UNDELIVERED -> {
                        headline = "📦 Video made, kept for you";
                        status = "It could not be brought to this chat, so the bot keeps it and the admins "
                                + (delivery.notice() == NoticeState.POSTED ? "have been" : "are being")
                                + " told where it is.";
                        result = new JobView.Kept(delivery.note(), delivery.notice() == NoticeState.POSTED);
                    }
                    default -> {
                        headline = "📦 Almost done";
                        status = "Fetching the video…";
                        bar = progressBar(100);
                    }
                }
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case FAILED -> {
                headline = "❌ Failed";
                status = "The video could not be made.";
                result = failed(job);
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case TIMED_OUT -> {
                headline = "⌛ Timed out";
                status = "The bot stopped waiting for the video API.";
                result = failed(job);
                actions = List.of(JobView.Action.REROLL, JobView.Action.DETAILS);
            }
            case SUBMIT_UNKNOWN -> {
                headline = "❓ Not confirmed";
                status = "The video API did not confirm the job, so it was not sent again.";
                result = failed(job);
                actions = List.of(JobView.Action.DETAILS);
            }
            default -> {
                headline = "🚫 Not started";
                status = "Nothing was charged.";
                result = new JobView.Failed(reason(job), JobView.Refund.NONE);
            }
        }
        boolean isFinal = job.state().isFinal() && job.delivery().state().isDone();
        return new JobView(job.id(), headline, PlainText.oneLine(job.request().prompt(), PROMPT_CHARS),
                job.requester().user(), settings(job.request()), status, bar, elapsed(job, now), result, isFinal,
                isFinal || job.state() == JobState.WAITING ? actions : List.of());
    }

    /** "3rd in line · about 2 min": where a waiting job stands, and the wait when there is one to estimate. */
    static String inLine(WaitingPlace place) {
        String text = HumanFormat.ordinal(place.place()) + " in line";
        return place.estimate() == null ? text : text + " · " + HumanFormat.about(place.estimate());
    }

    /** The admin notice of a job: its refund case's, or its delivery notice. */
    public NoticeView notice(Job job, NoticeKind kind, boolean repeated) {
        return kind == NoticeKind.REFUND ? refundNotice(job, repeated) : deliveryNotice(job, repeated);
    }

    private NoticeView refundNotice(Job job, boolean repeated) {
        List<NoticeView.Fact> facts = whoWhatWhere(job);
        Instant billed = job.times().startedAt();
        facts.add(new NoticeView.Fact(job.times().submittedAt() != null ? "Billed" : "Submitted (maybe billed)",
                HumanFormat.when(billed)));
        if (job.price() != null) {
            facts.add(new NoticeView.Fact("Amount", job.price().format()));
        }
        facts.add(new NoticeView.Fact("Why", job.refund().reason() == null ? reason(job) : job.refund().reason()));
        if (job.failure() != null && job.failure().detail() != null) {
            facts.add(new NoticeView.Fact("Details", "the technical cause is in the log and in `status " + job.id()
                    + "` (for admins)"));
        }
        facts.add(new NoticeView.Fact("Prompt", PlainText.oneLine(job.request().prompt(), 200)));
        JobRefund refund = job.refund();
        boolean resolved = refund.state() == RefundState.RESOLVED;
        if (resolved) {
            facts.add(new NoticeView.Fact("Resolved", "by " + refund.resolvedBy() + " at " + HumanFormat.when(
                    refund.resolvedAt()) + (refund.note() == null || refund.note().isBlank() ? "" : ": "
                    + refund.note())));
        }
        return new NoticeView(job.id(), resolved ? "✅ Refund resolved" : "💸 Refund needed", facts, resolved,
                repeated, NoticeKind.REFUND);
    }

    /** A video that was made but that no chat took: where it is, so an admin can hand it over. */
    private NoticeView deliveryNotice(Job job, boolean repeated) {
        List<NoticeView.Fact> facts = whoWhatWhere(job);
        JobDelivery delivery = job.delivery();
        facts.add(new NoticeView.Fact("Why", delivery.note() == null ? "no reason was recorded" : delivery.note()));
        facts.add(new NoticeView.Fact("Video", delivery.kept() != null ? "kept at " + delivery.kept()
                : "not kept by the bot: it is at the video API as task " + job.task().taskId()
                + (job.task().expiresAt() == null ? "" : ", until " + HumanFormat.when(job.task().expiresAt()))));
        if (delivery.link() != null) {
            facts.add(new NoticeView.Fact("Link", delivery.link().url() + (delivery.link().expiresAt() == null ? ""
                    : " (works until " + HumanFormat.when(delivery.link().expiresAt()) + ")")));
        }
        facts.add(new NoticeView.Fact("Prompt", PlainText.oneLine(job.request().prompt(), 200)));
        return new NoticeView(job.id(), "📦 Video not delivered", facts, false, repeated, NoticeKind.DELIVERY);
    }

    /** Who asked, where, for which model and task. */
    private static List<NoticeView.Fact> whoWhatWhere(Job job) {
        List<NoticeView.Fact> facts = new ArrayList<>();
        Requester who = job.requester();
        facts.add(new NoticeView.Fact("Requester", who.userName() + " (" + who.platform() + " user " + who.user()
                + ")"));
        facts.add(new NoticeView.Fact("Where", who.platform() + " " + who.workspace() + " / " + who.channel()));
        facts.add(new NoticeView.Fact("Model", job.request().model()));
        facts.add(new NoticeView.Fact("Task id", job.task().taskId() == null ? "unknown (no answer to the submission)"
                : job.task().taskId()));
        return facts;
    }

    /** The admins' notice that a monthly budget passed its alert level (it has no button: nothing to resolve). */
    public NoticeView budgetAlert(BudgetAlert alert) {
        Requester who = alert.where();
        String budget = alert.scope().equals("channel")
                ? "channel " + who.channel() + " (" + who.platform() + " " + who.workspace() + ")"
                : who.platform() + " workspace " + who.workspace();
        List<NoticeView.Fact> facts = List.of(
                new NoticeView.Fact("Budget", budget),
                new NoticeView.Fact("Spent this month", alert.spent().format() + " of " + alert.limit().format()
                        + " (" + alert.spent().percentOf(alert.limit()) + "%, videos still waiting included)"),
                new NoticeView.Fact("Starts again", HumanFormat.when(alert.resetsAt())),
                new NoticeView.Fact("Passed with", "job " + alert.jobId() + " of " + who.userName()),
                new NoticeView.Fact("Limit", "past it, new videos there are refused; raise it under budgets."
                        + (alert.scope().equals("channel") ? "channels" : "workspaces")));
        return new NoticeView(alert.jobId(), "💰 Budget " + BudgetWatch.ALERT_PERCENT + "% used", facts, true,
                false);
    }

    /** One line per job for {@code list} and {@code status}; a waiting job's with its place in line. */
    public String summary(Job job, Instant now) {
        JobView view = render(job, now);
        String progress = view.progressBar() == null ? "" : " " + view.progressBar();
        String place = job.state() == JobState.WAITING ? " (" + view.status() + ")" : "";
        return "`" + job.id() + "` " + view.headline() + place + progress + " · " + view.settings() + " · "
                + PlainText.cap(view.prompt(), 60) + " · " + view.elapsed();
    }

    private JobView.Failed failed(Job job) {
        JobView.Refund refund = switch (job.refund().state()) {
            case NONE -> JobView.Refund.NONE;
            case NEEDED, NOTIFYING -> JobView.Refund.NOTIFYING;
            case OPEN, RESOLVED -> JobView.Refund.NOTIFIED;
        };
        return new JobView.Failed(reason(job), refund);
    }

    /** Why the job failed, in words for its requester. */
    public static String reason(Job job) {
        return job.failure() == null ? "no reason was given" : job.failure().message();
    }

    public String settings(VideoRequest request) {
        ModelSpec model = catalog.specFor(request.model());
        int seconds = request.seconds() != null ? request.seconds() : model.defaultDuration();
        String size = request.size() != null ? request.size() : model.defaultSize();
        StringBuilder text = new StringBuilder(request.model()).append(" · ").append(seconds).append(" s · ")
                .append(size);
        if (request.seed() != null) {
            text.append(" · seed ").append(request.seed());
        }
        if (request.count() != null && request.count() > 1) {
            text.append(" · ×").append(request.count());
        }
        if (request.imageUrl() != null) {
            text.append(" · from an image");
        }
        return text.toString();
    }

    static String progressBar(int percent) {
        int filled = Math.max(0, Math.min(BAR_CELLS, percent * BAR_CELLS / 100));
        return "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled) + " " + percent + "%";
    }

    static String elapsed(Job job, Instant now) {
        Instant end = job.times().finishedAt() != null ? job.times().finishedAt() : now;
        String took = HumanFormat.duration(Duration.between(job.times().createdAt(), end));
        return job.state().isFinal() ? "took " + took : took;
    }
}
