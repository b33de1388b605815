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
import dev.reelbot.core.command.VideoCommand;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.core.notice.RefundDesk;
import dev.reelbot.core.render.JobDetails;
import dev.reelbot.core.render.Renderer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    static final String CANNOT_START = "reelbot can't take new videos right now; try again in a minute.";
    static final String CANNOT_LOOK_UP = "reelbot can't look up videos right now; try again in a minute.";

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
            return Reply.refused(e.getMessage());
        }
    }

    /** Answers a parsed command. */
    public Reply handle(Requester who, VideoCommand command, String requestKey) {
        try {
            if (command instanceof VideoCommand.Generate generate) {
                return start(who, generate.request(), requestKey);
            }
            if (command instanceof VideoCommand.Help) {
                return Reply.ok(parser.help(who.channel()));
            }
            if (command instanceof VideoCommand.Models) {
                return Reply.ok(parser.models(who.channel()));
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
                return admins.isAdmin(who) ? Reply.ok(refunds.list(chatOf(who).resolveCommand(parser.commandName())))
                        : notAdmin(who);
            }
            if (command instanceof VideoCommand.AdminUsage adminUsage) {
                return admins.isAdmin(who) ? Reply.ok(usage.forAdmins(adminUsage.period(), clock.instant()))
                        : notAdmin(who);
            }
            if (command instanceof VideoCommand.AdminBump bump) {
                return admins.isAdmin(who) ? queue.bump(who, bump.jobId()) : notAdmin(who);
            }
            VideoCommand.AdminResolve resolve = (VideoCommand.AdminResolve) command;
            return resolve(who, resolve.jobId(), resolve.note());
        } catch (CommandError e) {
            return Reply.refused(e.getMessage());
        } catch (StoreException e) {
            return storeFailed(who, command instanceof VideoCommand.Generate, e);
        }
    }

    /** The store failed under a command: the user hears to come back soon, the log gets why. */
    private static Reply storeFailed(Requester who, boolean starting, StoreException e) {
        log.warn("the job store failed answering a command of {}; they were told to try again", who.qualifiedUser(),
                e);
        return Reply.refused(starting ? CANNOT_START : CANNOT_LOOK_UP);
    }

    /** Starts the same request again with a new seed (the Re-roll button); only the requester or an admin may. */
    public Reply reroll(Requester who, String jobId, String requestKey) {
        long seed = ThreadLocalRandom.current().nextLong(CommandParser.MAX_SEED + 1);
        try {
            Job job = ownJob(who, jobId, "re-roll it");
            return start(who, job.request().toBuilder().seed(seed).build(), requestKey);
        } catch (CommandError e) {
            return Reply.refused(e.getMessage());
        } catch (StoreException e) {
            return storeFailed(who, true, e);
        }
    }

    /** Every parameter of a job (the Details button); only the requester or an admin may see them. */
    public Reply details(Requester who, String jobId) {
        try {
            return Reply.ok(JobDetails.describe(ownJob(who, jobId, "see its details"), renderer, clock.instant(),
                    knowsStatus));
        } catch (CommandError e) {
            return Reply.refused(e.getMessage());
        } catch (StoreException e) {
            return storeFailed(who, false, e);
        }
    }

    /** Cancels a job waiting to be sent (the Cancel button); only the requester or an admin may. */
    public Reply cancel(Requester who, String jobId) {
        try {
            return queue.cancel(who, ownJob(who, jobId, "cancel it"));
        } catch (CommandError e) {
            return Reply.refused(e.getMessage());
        } catch (StoreException e) {
            return storeFailed(who, false, e);
        }
    }

    /** The job, if {@code who} may act on it: its requester or an admin; else why not ("... can " + what). */
    private Job ownJob(Requester who, String jobId, String what) throws CommandError {
        Job job = visibleJob(who, jobId).orElseThrow(() -> new CommandError("There is no job `" + jobId + "` here."));
        if (!job.requester().user().equals(who.user()) && !admins.isAdmin(who)) {
            throw new CommandError("Only the person who asked for job `" + jobId + "` (or an admin) can " + what
                    + ".");
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
        List<HomeView.Recent> recent = store.recentJobs(who.platform(), who.user(), LIST_LIMIT).stream()
                .map(job -> new HomeView.Recent(job.id(), renderer.summary(job, now), job.delivery().link() == null
                        ? null : job.delivery().link().url(), job.message().ref() == null ? null
                        : job.message().ref().channel())).toList();
        boolean admin = admins.isAdmin(who);
        List<HomeView.RefundCase> cases = admin ? store.openRefunds().stream()
                .map(job -> new HomeView.RefundCase(job.id(), RefundDesk.describe(job))).toList() : List.of();
        return new HomeView(recent, usage.forUser(who, now), admin, cases,
                admin ? usage.forAdmins(UsagePeriod.THIS_MONTH, now) : null);
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
        String text = (accepted.isNew() ? "🎬 Job `" + job.id() + "` accepted: "
                : "Job `" + job.id() + "` was already started: ")
                + renderer.settings(job.request()) + ". " + (chats.canPostIn(who) ? "Progress will show in this "
                + "channel." : "Progress will show in a DM with you: I can't post in this channel (invite me to it "
                + "to see videos there).");
        return new Reply(text, true, job.id());
    }

    private Reply list(Requester who) {
        List<Job> recent = store.recentJobs(who.platform(), who.user(), LIST_LIMIT);
        if (recent.isEmpty()) {
            return Reply.ok("You have no videos yet. Try " + parser.commandName() + " a cat surfing at sunset.");
        }
        StringBuilder text = new StringBuilder("Your recent videos:\n");
        recent.forEach(job -> text.append("• ").append(renderer.summary(job, clock.instant())).append('\n'));
        return Reply.ok(text.toString().stripTrailing());
    }

    private Reply status(Requester who, String jobId) {
        return visibleJob(who, jobId).map(job -> Reply.ok(statusOf(job, admins.isAdmin(who))))
                .orElse(Reply.refused("There is no job `" + jobId + "` here."));
    }

    /**
     * One job: its summary, why it failed (with the technical detail for admins only: it may name internal hosts),
     * its video's link and poster frame (and, for admins, where the bot keeps it), and a status word nobody knows.
     */
    private String statusOf(Job job, boolean forAdmin) {
        StringBuilder text = new StringBuilder(renderer.summary(job, clock.instant()));
        Failure failure = job.failure();
        if (failure != null) {
            text.append("\nWhy: ").append(failure.message());
            if (forAdmin && failure.detail() != null) {
                text.append(" (").append(failure.detail()).append(')');
            }
        }
        text.append(JobDetails.delivery(job, forAdmin));
        String note = JobDetails.unknownStatusNote(job, knowsStatus);
        return note == null ? text.toString() : text.append('\n').append(note).toString();
    }

    /** A job of the asker's own workspace: ids from elsewhere are not revealed. */
    private Optional<Job> visibleJob(Requester who, String jobId) {
        return store.find(jobId).filter(job -> job.requester().platform().equals(who.platform())
                && job.requester().workspace().equals(who.workspace()));
    }

    private Reply notAdmin(Requester who) {
        return Reply.refused("Only admins can do that: " + chatOf(who).howToBecomeAdmin(who) + ".");
    }

    /** The asker's platform (commands only come from platforms the engine serves). */
    private ChatPort chatOf(Requester who) {
        return chats.forPlatform(who.platform());
    }
}
