package dev.reelbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.File;
import com.slack.api.model.view.View;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.command.CommandError;
import dev.reelbot.core.command.VideoCommand;
import dev.reelbot.core.engine.CommandHandler;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Texts;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Make a video" form: opened by {@code /video} with no text, the global shortcut and the message shortcut
 * (with the message's image), redrawn with {@code views.update} when the model changes, and submitted through the
 * same parser as a typed command, its problems shown on their fields. The job then runs like a typed one, in the
 * channel the form was opened from. Everything it shows is in the language of the user who opened or submitted it.
 *
 * <p>Threading: handlers run on Bolt's threads and answer within Slack's three seconds; a redraw goes out on the
 * executor, and reading a reference image and starting its job happen on the downloads' pool, after the form has
 * closed.
 */
final class SlackForms {
    static final String SHORTCUT = "reelbot_make_video";
    static final String ANIMATE = "reelbot_animate";
    private static final Logger log = LoggerFactory.getLogger(SlackForms.class);

    private final CommandHandler commands;
    private final SlackModal modal;
    private final SlackFiles files;
    private final SlackChatPort port;
    private final SlackLocales locales;
    private final Executor executor;
    private final Executor downloads;
    private volatile boolean serving = true;

    /**
     * @param executor  where a redraw of the form goes out
     * @param downloads where a submitted form's reference image is read and its job started
     */
    SlackForms(CommandHandler commands, SlackFiles files, SlackChatPort port, SlackLocales locales, Executor executor,
               Executor downloads) {
        this.commands = commands;
        this.modal = new SlackModal(commands.parser());
        this.files = files;
        this.port = port;
        this.locales = locales;
        this.executor = executor;
        this.downloads = downloads;
    }

    /** Stops starting jobs (a graceful shutdown): a submitted form says to try again in a moment. */
    void stopServing() {
        serving = false;
    }

    void register(App app) {
        app.globalShortcut(SHORTCUT, (req, ctx) -> {
            var user = req.getPayload().getUser();
            open(ctx.client(), req.getPayload().getTriggerId(), new ModalContext(null), texts(user.getTeamId(),
                    "", user.getId(), user.getUsername()));
            return ctx.ack();
        });
        app.messageShortcut(ANIMATE, this::onAnimate);
        app.blockAction(SlackModal.MODEL, this::onModelChange);
        app.viewSubmission(SlackModal.CALLBACK, this::onSubmit);
    }

    /** Opens the form, worded in {@code t}; whether Slack showed it (a trigger is good for three seconds, once). */
    boolean open(MethodsClient client, String triggerId, ModalContext context, Texts t) {
        try {
            ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(modal.build(context, null,
                    t)));
            if (!opened.isOk()) {
                log.warn("Slack did not open the form: {} {}", opened.getError(), opened.getResponseMetadata());
            }
            return opened.isOk();
        } catch (IOException | SlackApiException e) {
            log.warn("could not open the form: {}", e.toString());
            return false;
        }
    }

    private Response onAnimate(MessageShortcutRequest req, MessageShortcutContext ctx) throws IOException {
        MessageShortcutPayload p = req.getPayload();
        Texts t = texts(p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId(), p.getChannel().getId(),
                p.getUser().getId(), p.getUser().getName());
        Optional<ModalContext> image = MessageImages.pick(p.getMessage(), p.getChannel().getId());
        if (image.isEmpty()) {
            ctx.respond(r -> r.responseType("ephemeral").text(t.get("slack.form.no-image-in-message")));
            return ctx.ack();
        }
        open(ctx.client(), p.getTriggerId(), image.get(), t);
        return ctx.ack();
    }

    /** What the user reads: their Slack language, commands named as Slack writes them. */
    private Texts texts(String team, String channel, String user, String userName) {
        return commands.texts(requester(team, channel, user, userName));
    }

    private Requester requester(String team, String channel, String user, String userName) {
        return new Requester(SlackChatPort.PLATFORM, team == null ? "" : team, channel == null ? "" : channel, user,
                userName).withLocale(locales.of(user));
    }

    /** A new model: the form again with that model's durations and sizes (what was typed is kept by Slack). */
    private Response onModelChange(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        View shown = p.getView();
        if (shown == null || p.getActions().isEmpty() || p.getActions().get(0).getSelectedOption() == null) {
            return ctx.ack();
        }
        String model = p.getActions().get(0).getSelectedOption().getValue();
        View next = modal.build(ModalContext.decode(shown.getPrivateMetadata()), model, texts(p.getUser().getTeamId(),
                "", p.getUser().getId(), p.getUser().getUsername()));
        executor.execute(() -> {
            try {
                var updated = ctx.client().viewsUpdate(r -> r.viewId(shown.getId()).hash(shown.getHash()).view(next));
                if (!updated.isOk()) {
                    // hash_conflict: the user changed it again meanwhile; that change brings its own update
                    log.info("Slack did not update the form: {}", updated.getError());
                }
            } catch (IOException | SlackApiException e) {
                log.warn("could not update the form for model {}: {}", model, e.toString());
            }
        });
        return ctx.ack();
    }

    private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        SlackForm form = SlackForm.read(p.getView());
        Requester who = requester(p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId(),
                form.channel(), p.getUser().getId(), p.getUser().getUsername());
        Texts t = commands.texts(who);
        if (form.channel() == null) {
            return ctx.ackWithErrors(Map.of(SlackModal.WHERE, t.get("slack.form.where-missing")));
        }
        if (!serving) {
            return ctx.ackWithErrors(Map.of(SlackModal.PROMPT, t.get("slack.restarting")));
        }
        VideoCommand.Generate command;
        try {
            command = form.parse(commands.parser());
        } catch (CommandError e) {
            return ctx.ackWithErrors(form.errors(e, t));
        }
        Msg imageRefusal = form.upload().map(f -> SlackFiles.refusal(f.getMimetype(), f.getSize() == null ? null
                : f.getSize().longValue())).orElse(null);
        if (imageRefusal != null) {
            return ctx.ackWithErrors(Map.of(SlackModal.IMAGE, t.get("slack.form.image-refused", imageRefusal)));
        }
        String image = form.upload().map(File::getId).orElse(form.context().imageFileId());
        String key = "slack-form:" + p.getView().getId();
        downloads.execute(() -> start(who, command, image, key));
        return ctx.ack();
    }

    /** Reads the reference image (if any) and starts the job; the answer goes to the user privately. */
    private void start(Requester who, VideoCommand.Generate command, String imageFileId, String key) {
        Reply reply;
        try {
            VideoCommand.Generate withImage = imageFileId == null ? command : new VideoCommand.Generate(
                    command.request().toBuilder().imageUrl(files.dataUrl(imageFileId)).build());
            reply = SlackCommands.safely(who, () -> commands.handle(who, withImage, key));
        } catch (SlackFiles.Unusable e) {
            reply = Reply.refused(commands.texts(who).get("slack.form.image-failed", e.reason()));
        } catch (ChatException e) {
            log.warn("could not read the reference image {} of {}: {}", imageFileId, who.qualifiedUser(),
                    e.toString());
            reply = Reply.refused(commands.texts(who).get("slack.form.image-failed",
                    Msg.of("slack.image.not-given")));
        }
        try {
            port.whisper(who, reply.text());
        } catch (ChatException e) {
            log.warn("could not tell {} about their form: {} ({})", who.qualifiedUser(), reply.text(), e.toString());
        }
    }
}
