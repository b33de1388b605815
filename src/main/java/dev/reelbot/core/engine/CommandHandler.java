package dev.reelbot.core.engine;

import dev.reelbot.core.ChatPort;
import dev.reelbot.core.HomeView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.billing.UsageReports;
import dev.reelbot.core.command.CommandError;
import dev.reelbot.core.command.CommandParser;
import dev.reelbot.core.command.Flag;
import dev.reelbot.core.command.VideoCommand;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.core.notice.RefundDesk;
import dev.reelbot.core.render.JobDetails;
import dev.reelbot.core.render.Renderer;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every command word the same way on every platform: adapters hand it the text (or typed options) and
 * show the {@link Reply} privately. Fast: nothing here waits on the video API or a chat, and the store only
 * briefly; a store that fails or is too busy gets the user a "try again in a minute", never an exception.
 */
public final class CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);
    private static final int LIST_LIMIT = 10;
    static final String CANNOT_START = "reply.cannot-start";
    static final String CANNOT_LOOK_UP = "reply.cannot-look-up";

    private final CommandParser parser;
    private final JobService jobs;
    private final JobStore store;
    private final Renderer renderer;
    private final Admins admins;
    private final RefundDesk refunds;
    private final ChatPorts chats;
    private final Clock clock;
    private final Predicate<String> knowsStatus;
    private final QueueActions queue;
    private final UsageReports usage;
    private final ReferenceImages images;

    /**
     * @param chats       the platforms: how one becomes admin there, and where a job's progress will show
     * @param knowsStatus whether the video API client understands a status word (see {@link VideoApi})
     * @param images      where images shared in a chat are kept while their jobs wait to be sent
     */
    CommandHandler(CommandParser parser, JobService jobs, JobStore store, Renderer renderer, Admins admins,
                   RefundDesk refunds, ChatPorts chats, Clock clock, Predicate<String> knowsStatus,
                   QueueActions queue, UsageReports usage, ReferenceImages images) {
        this.parser = parser;
        this.jobs = jobs;
        this.store = store;
        this.renderer = renderer;
        this.admins = admins;
        this.refunds = refunds;
        this.chats = chats;
        this.clock = clock;
        this.knowsStatus = knowsStatus;
        this.queue = queue;
        this.usage = usage;
        this.images = images;
    }

    /** The parser, for adapters that build commands from typed options. */
    public CommandParser parser() {
        return parser;
    }

    /** Parses and answers a command typed as text. */
    public Reply handle(Requester who, String text, String requestKey) {
        try {
            return handle(who, parser.parse(text, who.channel()), requestKey);
        } catch (CommandError e) {
            return Reply.refused(e.text(texts(who)));
        }
    }

    /**
     * What {@code who} reads: their language, with commands and options named as their platform writes them
     * ({@code /video-status job:} on Discord). Adapters use it for the few texts of their own.
     */
    public Texts texts(Requester who) {
        return who.texts().phrasedFor(chatOf(who).phrasing());
    }

    /**
     * Starts a video from a prompt and typed options (Discord's options, the Animate image form's image); inline
     * {@code --flags} in the prompt merge in (see {@link CommandParser#fromOptions}).
     */
    public Reply generate(Requester who, String prompt, Map<Flag, String> typed, String requestKey) {
        try {
            return handle(who, parser.fromOptions(prompt, typed, who.channel()), requestKey);
        } catch (CommandError e) {
            return Reply.refused(e.text(texts(who)));
        }
    }

    /** Answers a parsed command. */
    public Reply handle(Requester who, VideoCommand command, String requestKey) {
        try {
            if (command instanceof VideoCommand.Generate generate) {
                return start(who, generate.request(), requestKey);
            }
            if (command instanceof VideoCommand.Help) {
                return Reply.ok(parser.help(who.channel(), texts(who)));
            }
            if (command instanceof VideoCommand.Models) {
                return Reply.ok(parser.models(who.channel(), texts(who)));
            }
            if (command instanceof VideoCommand.ListJobs) {
                return list(who);
            }
            if (command instanceof VideoCommand.Status status) {
                return status(who, status.jobId());
            }
            if (command instanceof VideoCommand.Usage) {
                return Reply.ok(usage.forUser(who, clock.instant()));
            }
            if (command instanceof VideoCommand.AdminRefunds) {
                return admins.isAdmin(who) ? Reply.ok(refunds.list(texts(who), parser.commandName()))
                        : notAdmin(who);
            }
            if (command instanceof VideoCommand.AdminUsage adminUsage) {
                return admins.isAdmin(who) ? Reply.ok(usage.forAdmins(adminUsage.period(), clock.instant(),
                        texts(who))) : notAdmin(who);
            }
            if (command instanceof VideoCommand.AdminBump bump) {
                return admins.isAdmin(who) ? queue.bump(who, bump.jobId()) : notAdmin(who);
            }
            VideoCommand.AdminResolve resolve = (VideoCommand.AdminResolve) command;
            return resolve(who, resolve.jobId(), resolve.note());
        } catch (CommandError e) {
            return Reply.refused(e.text(texts(who)));
        } catch (StoreException e) {
            return storeFailed(who, command instanceof VideoCommand.Generate, e);
        }
    }

    /** The store failed under a command: the user hears to come back soon, the log gets why. */
    private static Reply storeFailed(Requester who, boolean starting, StoreException e) {
        log.warn("the job store failed answering a command of {}; they were told to try again", who.qualifiedUser(),
                e);
        return Reply.refused(who.texts().get(starting ? CANNOT_START : CANNOT_LOOK_UP));
    }

    /** Starts the same request again with a new seed (the Re-roll button); only the requester or an admin may. */
    public Reply reroll(Requester who, String jobId, String requestKey) {
        long seed = ThreadLocalRandom.current().nextLong(CommandParser.MAX_SEED + 1);
        return guarded(who, true, () -> start(who, ownJob(who, jobId, "reply.own.reroll").request().toBuilder()
                .seed(seed).build(), requestKey));
    }

    /** An answer that may refuse ({@link CommandError}) or meet a failing store, answered either way. */
    private interface Answer {
        Reply get() throws CommandError;
    }

    private Reply guarded(Requester who, boolean starting, Answer answer) {
        try {
            return answer.get();
        } catch (CommandError e) {
            return Reply.refused(e.text(texts(who)));
        } catch (StoreException e) {
            return storeFailed(who, starting, e);
        }
    }

    /**
     * The prompt of a job, for the Edit prompt form: only its requester may edit it (a new job in their name and
     * quota). The reply's text is the prompt when it is ok, else why not.
     */
    public Reply promptToEdit(Requester who, String jobId) {
        return guarded(who, false, () -> new Reply(requestersJob(who, jobId).request().prompt(), true, jobId));
    }

    /** Starts a new job like {@code jobId} with the prompt edited (the Edit prompt form's submission). */
    public Reply editPrompt(Requester who, String jobId, String prompt, String requestKey) {
        return guarded(who, true, () -> start(who, parser.edit(requestersJob(who, jobId).request(), prompt,
                who.channel()).request(), requestKey));
    }

    private Job requestersJob(Requester who, String jobId) throws CommandError {
        Job job = visibleJob(who, jobId).orElseThrow(() -> new CommandError(Msg.of("reply.no-job-here", jobId)));
        if (!job.requester().user().equals(who.user())) {
            throw new CommandError(Msg.of("reply.own.edit", jobId));
        }
        return job;
    }

    /** Every parameter of a job (the Details button); only the requester or an admin may see them. */
    public Reply details(Requester who, String jobId) {
        return guarded(who, false, () -> Reply.ok(JobDetails.describe(ownJob(who, jobId, "reply.own.details"),
                renderer, clock.instant(), knowsStatus, texts(who))));
    }

    /** Cancels a job waiting to be sent (the Cancel button); only the requester or an admin may. */
    public Reply cancel(Requester who, String jobId) {
        return guarded(who, false, () -> queue.cancel(who, ownJob(who, jobId, "reply.own.cancel")));
    }

    /**
     * The job, if {@code who} may act on it: its requester or an admin; else why not ({@code what}: the key of
     * the refusal, which names the action).
     */
    private Job ownJob(Requester who, String jobId, String what) throws CommandError {
        Job job = visibleJob(who, jobId).orElseThrow(() -> new CommandError(Msg.of("reply.no-job-here", jobId)));
        if (!job.requester().user().equals(who.user()) && !admins.isAdmin(who)) {
            throw new CommandError(Msg.of(what, jobId));
        }
        return job;
    }

    /**
     * The user's home screen: recent videos, their usage and what they may still start, and for admins the open
     * refund cases and this month's spend. A
     * store that fails throws {@link StoreException}: the caller keeps the home it showed last.
     */
    public HomeView home(Requester who) {
        Instant now = clock.instant();
        Texts t = texts(who);
        List<HomeView.Recent> recent = store.recentJobs(who.platform(), who.user(), LIST_LIMIT).stream()
                .map(job -> new HomeView.Recent(job.id(), renderer.summary(job, now, t), job.delivery().link() == null
                        ? null : job.delivery().link().url(), job.message().ref() == null ? null
                        : job.message().ref().channel())).toList();
        boolean admin = admins.isAdmin(who);
        List<HomeView.RefundCase> cases = admin ? store.openRefunds().stream()
                .map(job -> new HomeView.RefundCase(job.id(), RefundDesk.describe(job, t))).toList() : List.of();
        return new HomeView(recent, usage.forUser(who, now), admin, cases,
                admin ? usage.forAdmins(UsagePeriod.THIS_MONTH, now, t) : null);
    }

    /** Marks a refund case resolved (the admin command and the Mark refunded button). */
    public Reply resolve(Requester who, String jobId, String note) {
        if (!admins.isAdmin(who)) {
            return notAdmin(who);
        }
        try {
            return refunds.resolve(who, jobId, note);
        } catch (StoreException e) {
            return storeFailed(who, false, e);
        }
    }

    private Reply start(Requester who, VideoRequest request, String requestKey) throws CommandError {
        JobService.Accepted accepted = jobs.accept(who, images.stash(request), requestKey);
        Job job = accepted.job();
        Texts t = texts(who);
        String text = t.get(accepted.isNew() ? "reply.accepted" : "reply.already-started", job.id(),
                renderer.settings(job.request(), t)) + " " + t.get(chats.canPostIn(who) ? "reply.progress.here"
                : "reply.progress.dm");
        return new Reply(text, true, job.id());
    }

    private Reply list(Requester who) {
        List<Job> recent = store.recentJobs(who.platform(), who.user(), LIST_LIMIT);
        Texts t = texts(who);
        if (recent.isEmpty()) {
            return Reply.ok(t.get("reply.list.empty", new Msg.Cmd(parser.commandName(), "a cat surfing at sunset")));
        }
        StringBuilder text = new StringBuilder(t.get("reply.list.title")).append('\n');
        recent.forEach(job -> text.append("• ").append(renderer.summary(job, clock.instant(), t)).append('\n'));
        return Reply.ok(text.toString().stripTrailing());
    }

    private Reply status(Requester who, String jobId) {
        Texts t = texts(who);
        return visibleJob(who, jobId).map(job -> Reply.ok(JobDetails.status(job, admins.isAdmin(who), renderer,
                clock.instant(), knowsStatus, t))).orElse(Reply.refused(t.get("reply.no-job-here", jobId)));
    }

    /** A job of the asker's own workspace: ids from elsewhere are not revealed. */
    private Optional<Job> visibleJob(Requester who, String jobId) {
        return store.find(jobId).filter(job -> job.requester().platform().equals(who.platform())
                && job.requester().workspace().equals(who.workspace()));
    }

    private Reply notAdmin(Requester who) {
        return Reply.refused(texts(who).get("reply.not-admin", chatOf(who).howToBecomeAdmin(who)));
    }

    /** The asker's platform (commands only come from platforms the engine serves). */
    private ChatPort chatOf(Requester who) {
        return chats.forPlatform(who.platform());
    }
}
