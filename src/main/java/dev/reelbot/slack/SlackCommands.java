package dev.reelbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.engine.CommandHandler;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt handlers: the slash command (with no text, it opens {@link SlackForms}' form) and the message buttons.
 * Each acknowledges at once (the core only parses, checks quotas and writes a row) with a private answer; the job
 * itself runs on the engine's workers.
 *
 * <p>Threading: handlers run on Bolt's threads (Jetty's in HTTP mode, the Socket Mode client's otherwise); button
 * answers go out through {@code response_url} from the given executor, after the acknowledgement.
 */
final class SlackCommands {
    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

    private final CommandHandler commands;
    private final SlackForms forms;
    private final Executor executor;
    private final SlackLocales locales;
    private volatile boolean serving = true;

    SlackCommands(CommandHandler commands, SlackForms forms, Executor executor, SlackLocales locales) {
        this.locales = locales;
        this.commands = commands;
        this.forms = forms;
        this.executor = executor;
    }

    /** Stops starting anything new (a graceful shutdown): users are told to try again in a moment. */
    void stopServing() {
        serving = false;
    }

    void register(App app, String command) {
        app.command(command, this::onCommand);
        app.blockAction(SlackViews.REROLL, (req, ctx) -> onButton(req, ctx, commands::reroll));
        app.blockAction(SlackViews.DETAILS, (req, ctx) -> onButton(req, ctx,
                (who, jobId, key) -> commands.details(who, jobId)));
        app.blockAction(SlackViews.REFUND, (req, ctx) -> onButton(req, ctx,
                (who, jobId, key) -> commands.resolve(who, jobId, who.texts().get("slack.refund.marked"))));
        app.blockAction(SlackViews.CANCEL, (req, ctx) -> onButton(req, ctx,
                (who, jobId, key) -> commands.cancel(who, jobId)));
    }

    private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        Requester who = new Requester(SlackChatPort.PLATFORM, p.getTeamId(), p.getChannelId(), p.getUserId(),
                p.getUserName()).withLocale(locales.of(p.getUserId()));
        // The command alone opens the form; when Slack cannot show it, the answer says how to type one instead.
        if (serving && (p.getText() == null || p.getText().isBlank()) && forms.open(ctx.client(), p.getTriggerId(),
                new ModalContext(p.getChannelId()), commands.texts(who))) {
            return ctx.ack();
        }
        Reply reply = serving ? safely(who, () -> commands.handle(who, p.getText() == null ? ""
                : p.getText(), "slack:" + p.getTriggerId())) : restarting(who);
        return ctx.ack(r -> r.responseType("ephemeral").text(SlackText.reply(reply.text())));
    }

    /**
     * Asks the core; a failure on the bot's side (a store that cannot be written, a bug) is logged with its stack
     * trace and answered in plain words with a reference to find it in the log, instead of Slack's generic error.
     */
    static Reply safely(Requester who, Supplier<Reply> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            String ref = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
            log.error("command of {} failed (ref {})", who.qualifiedUser(), ref, e);
            return Reply.refused(who.texts().get("slack.went-wrong", ref));
        }
    }

    private static Reply restarting(Requester who) {
        return Reply.refused(who.texts().get("slack.restarting"));
    }

    /** What a button does, given who pressed it and the job id it carries. */
    @FunctionalInterface
    private interface ButtonAction {
        Reply run(Requester who, String jobId, String requestKey);
    }

    private Response onButton(BlockActionRequest req, ActionContext ctx, ButtonAction action) {
        BlockActionPayload p = req.getPayload();
        String jobId = p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        String channel = p.getChannel() != null ? p.getChannel().getId() : "";
        Requester who = new Requester(SlackChatPort.PLATFORM, team, channel, p.getUser().getId(),
                p.getUser().getUsername()).withLocale(locales.of(p.getUser().getId()));
        Reply reply = serving ? safely(who, () -> action.run(who, jobId == null ? "" : jobId,
                "slack-action:" + p.getTriggerId())) : restarting(who);
        executor.execute(() -> {
            try {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(SlackText.reply(
                        reply.text())));
            } catch (IOException e) {
                log.warn("could not answer a button press of {}: {}", who.qualifiedUser(), e.toString());
            }
        });
        return ctx.ack();
    }
}
