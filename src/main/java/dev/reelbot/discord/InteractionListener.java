package dev.reelbot.discord;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.command.Flag;
import dev.reelbot.core.engine.CommandHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers slash commands, button clicks, form submissions and the Animate image message command: acknowledges each
 * at once, ephemerally ("thinking…", so Discord's three seconds never run out), asks the core on the bot's own
 * pool, and shows the core's {@link Reply} to the user alone by editing that ephemeral answer. Edit prompt and
 * Animate image answer with a form ({@link DiscordForms}) instead, which Discord only takes as the first answer;
 * the model option is completed as typed ({@link ModelChoices}). Job progress never goes through here: it is the
 * engine's, posted through the channel by {@link DiscordChatPort}.
 *
 * <p>Threading: JDA calls the {@code on...} methods on its event thread; they only read the event and send the
 * acknowledgement. When Discord confirmed it, JDA's callback thread hands the work to the pool given, where the
 * core is asked, one task per interaction.
 */
final class InteractionListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(InteractionListener.class);
    private static final int REPLY_CHARS = 2000;

    private final DiscordSettings settings;
    private final Executor pool;
    private final RecentHooks hooks;
    private final UploadLimits limits;
    private final ChannelAccess access;
    private final DiscordForms forms;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile CommandHandler commands;

    InteractionListener(DiscordSettings settings, Executor pool, RecentHooks hooks, UploadLimits limits,
                        ChannelAccess access, DiscordForms forms) {
        this.access = access;
        this.forms = forms;
        this.settings = settings;
        this.pool = pool;
        this.hooks = hooks;
        this.limits = limits;
    }

    /** Starts answering with this handler; until then users are told to try again in a moment. */
    void serve(CommandHandler handler) {
        this.commands = handler;
    }

    /** Stops starting anything new (a graceful shutdown): users are told to try again in a moment. */
    void stopServing() {
        this.commands = null;
    }

    CountDownLatch ready() {
        return ready;
    }

    @Override
    public void onStatusChange(StatusChangeEvent event) {
        // Connected, not merely READY: JDA marks the session connected a moment after READY, and its holder reports
        // the session's status from then on.
        if (event.getNewStatus() == JDA.Status.CONNECTED) {
            ready.countDown();
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashRequest request = SlashRequest.read(event);
        answer(event, (handler, who) -> request.answer(handler, who, requestKey(event)));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<ButtonId> button = ButtonId.parse(event.getComponentId());
        if (button.isEmpty()) {
            log.debug("ignoring a click on a button that is not reelbot's: {}", event.getComponentId());
            return;
        }
        String job = button.get().jobId();
        if (button.get().action() == ButtonId.Action.EDIT) {
            openEditForm(event, job);
            return;
        }
        answer(event, (handler, who) -> switch (button.get().action()) {
            case REROLL -> handler.reroll(who, job, requestKey(event));
            case DETAILS -> handler.details(who, job);
            case RESOLVE -> handler.resolve(who, job, "");
            case CANCEL -> handler.cancel(who, job);
            case EDIT -> throw new IllegalStateException("the Edit prompt button opens a form");
        });
    }

    /** Opens the Edit prompt form, once the core said the clicker may edit the job (its requester alone). */
    private void openEditForm(ButtonInteractionEvent event, String job) {
        Requester who = InteractionFacts.of(event, settings).requester();
        CommandHandler handler = commands;
        if (handler == null) {
            event.reply(who.texts().get("discord.starting")).setEphemeral(true).queue(null, e -> unanswered(event, e));
            return;
        }
        // The store is read on the pool, not on JDA's event thread; the form still goes out well within 3 s.
        pool.execute(() -> {
            Reply prompt = ask((h, w) -> h.promptToEdit(w, job), handler, who, event);
            if (prompt.ok()) {
                event.replyModal(DiscordForms.editPrompt(job, prompt.text(), handler.texts(who)))
                        .queue(null, e -> unanswered(event, e));
            } else {
                event.reply(DiscordText.reply(prompt.text(), REPLY_CHARS)).setEphemeral(true)
                        .setAllowedMentions(DiscordMessage.NO_MENTIONS).queue(null, e -> unanswered(event, e));
            }
        });
    }

    /** Animate image on a message: a form asking what its first image should become. */
    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (!DiscordCommands.ANIMATE.equals(event.getName())) {
            return;
        }
        Requester who = InteractionFacts.of(event, settings).requester();
        Optional<Message.Attachment> image = event.getTarget().getAttachments().stream()
                .filter(Message.Attachment::isImage).findFirst();
        CommandHandler handler = commands;
        if (handler == null || image.isEmpty()) {
            event.reply(who.texts().get(handler == null ? "discord.starting" : "discord.animate.no-image"))
                    .setEphemeral(true).queue(null, e -> unanswered(event, e));
            return;
        }
        event.replyModal(forms.animate(image.get().getUrl(), handler.texts(who))).queue(null,
                e -> unanswered(event, e));
    }

    /** A submitted form: Edit prompt starts the job again with the new prompt; Animate image starts one on it. */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String prompt = DiscordForms.prompt(event.getValue(DiscordForms.PROMPT));
        String key = requestKey(event);
        if (DiscordForms.isAnimate(event.getModalId())) {
            Optional<String> image = forms.image(event.getModalId());
            answer(event, (handler, who) -> image.isEmpty()
                    ? Reply.refused(handler.texts(who).get("discord.animate.expired"))
                    : handler.generate(who, prompt, Map.of(Flag.IMAGE, image.get()), key));
            return;
        }
        ButtonId.parse(event.getModalId()).filter(id -> id.action() == ButtonId.Action.EDIT).ifPresentOrElse(
                id -> answer(event, (handler, who) -> handler.editPrompt(who, id.jobId(), prompt, key)),
                () -> log.debug("ignoring a form that is not reelbot's: {}", event.getModalId()));
    }

    /** Completes the model option with the channel's models and their descriptions. */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        CommandHandler handler = commands;
        List<Command.Choice> choices = handler == null || !event.getFocusedOption().getName().equals(
                Flag.MODEL.optionName()) ? List.of() : ModelChoices.of(handler.parser(), event.getChannelId(),
                event.getFocusedOption().getValue());
        event.replyChoices(choices).queue(null, e -> unanswered(event, e));
    }

    private static void unanswered(Interaction event, Throwable e) {
        log.warn("could not answer interaction {} of user {}: {}", event.getId(), event.getUser().getId(),
                e.toString());
    }

    private void answer(IReplyCallback event, BiFunction<CommandHandler, Requester, Reply> work) {
        InteractionFacts facts = InteractionFacts.of(event, settings);
        InteractionHook hook = event.getHook();
        hooks.remember(facts.requester().user(), facts.requester().channel(), hook);
        limits.remember(facts.requester().channel(), facts.attachmentLimit());
        access.remember(facts.requester().channel(), facts.appPermissions());
        // The core is asked only once Discord took the acknowledgement: an interaction Discord gave up on must
        // not start a (paid) job its user never hears of, and then retries.
        event.deferReply(true).queue(acknowledged -> {
            CommandHandler handler = commands;
            try {
                pool.execute(() -> reply(hook, handler == null
                        ? Reply.refused(facts.requester().texts().get("discord.starting"))
                        : ask(work, handler, facts.requester(), event)));
            } catch (RejectedExecutionException e) {
                log.warn("interaction {} arrived while shutting down; not answered", event.getId());
                reply(hook, Reply.refused(facts.requester().texts().get("discord.shutting-down")));
            }
        }, e -> log.warn("could not acknowledge interaction {} of user {}; nothing was started: {}", event.getId(),
                event.getUser().getId(), e.toString()));
    }

    private static Reply ask(BiFunction<CommandHandler, Requester, Reply> work, CommandHandler handler,
                             Requester who, IReplyCallback event) {
        try {
            return work.apply(handler, who);
        } catch (RuntimeException e) {
            log.error("interaction {} of user {} failed", event.getId(), event.getUser().getId(), e);
            return Reply.refused(who.texts().get("discord.went-wrong", event.getId()));
        }
    }

    private static void reply(InteractionHook hook, Reply reply) {
        hook.editOriginal(DiscordText.reply(reply.text(), REPLY_CHARS))
                .setAllowedMentions(DiscordMessage.NO_MENTIONS).mentionRepliedUser(false)
                .queue(null, e -> log.warn("could not show the answer to interaction {}: {}",
                        hook.getInteraction().getId(), e.toString()));
    }

    /** An interaction's id is unique: the core's once-only key, so a repeated delivery starts nothing twice. */
    private static String requestKey(IReplyCallback event) {
        return "discord:" + event.getId();
    }
}
