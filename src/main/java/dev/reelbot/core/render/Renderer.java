package dev.reelbot.core.render;

import dev.reelbot.core.JobView;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.NoticeKind;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.billing.BudgetAlert;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobDelivery;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.text.Languages;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.time.Duration;
import java.time.Instant;
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
    private final AdminNotices notices;
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
        this.notices = new AdminNotices(Texts.in(adminLocale));
    }

    /** The job's message, in its requester's language. */
    public JobView render(Job job, Instant now) {
        return render(job, now, job.requester().texts(), places);
    }

    /** The same, a waiting job shown at {@code place} (as its caller read it), whatever the queue says now. */
    public JobView render(Job job, Instant now, Optional<WaitingPlace> place) {
        return render(job, now, job.requester().texts(), jobId -> place);
    }

    /**
     * {@code view}, rendered from this very {@code job} at an earlier moment, as it reads at {@code now}: only its
     * elapsed time moves, so it is not rendered again.
     */
    public JobView at(JobView view, Job job, Instant now) {
        return new JobView(view.jobId(), view.headline(), view.prompt(), view.requester(), view.settings(),
                view.status(), view.progressBar(), elapsed(job, now, job.requester().texts()), view.result(),
                view.isFinal(), view.actions(), view.locale());
    }

    private JobView render(Job job, Instant now, Texts t) {
        return render(job, now, t, places);
    }

    private JobView render(Job job, Instant now, Texts t, WaitingPlace.Lookup places) {
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
        boolean isFinal = showsFinal(job);
        return new JobView(job.id(), headline, PlainText.oneLine(job.request().prompt(), PROMPT_CHARS),
                job.requester().user(), settings(job.request(), t), status, bar, elapsed(job, now, t), result,
                isFinal, isFinal || job.state() == JobState.WAITING ? actions : List.of(), t.tag());
    }

    /** Whether the job's message shows its outcome for good: it is over, and so is the delivery of its video. */
    public static boolean showsFinal(Job job) {
        return job.state().isFinal() && job.delivery().state().isDone();
    }

    /** "3rd in line · about 2 min": where a waiting job stands, and the wait when there is one to estimate. */
    static String inLine(WaitingPlace place, Texts t) {
        String text = t.get("job.waiting.place", t.ordinal(place.place()));
        return place.estimate() == null ? text : text + " · " + t.about(place.estimate());
    }

    /** The admin notice of a job: its refund case's, or its delivery notice, in the admins' language. */
    public NoticeView notice(Job job, NoticeKind kind, boolean repeated) {
        return notices.notice(job, kind, repeated);
    }

    /** Why the job is a refund case, in the admins' language when the reason is the failure's own words. */
    public static String refundReason(Job job, Texts t) {
        return AdminNotices.refundReason(job, t);
    }

    /** The admins' notice that a monthly budget passed its alert level. */
    public NoticeView budgetAlert(BudgetAlert alert) {
        return notices.budgetAlert(alert);
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
