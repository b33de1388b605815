package dev.reelbot.discord;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.engine.CommandHandler;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers slash commands and button clicks: acknowledges each at once, ephemerally ("thinking…", so Discord's
 * three seconds never run out), asks the core on the bot's own pool, and shows the core's {@link Reply} to the
 * user alone by editing that ephemeral answer. Job progress never goes through here: it is the engine's, posted
 * through the channel by {@link DiscordChatPort}.
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
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile CommandHandler commands;

    InteractionListener(DiscordSettings settings, Executor pool, RecentHooks hooks, UploadLimits limits,
                        ChannelAccess access) {
        this.access = access;
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
    public void onReady(ReadyEvent event) {
        ready.countDown();
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
        answer(event, (handler, who) -> switch (button.get().action()) {
            case REROLL -> handler.reroll(who, job, requestKey(event));
            case DETAILS -> handler.details(who, job);
            case RESOLVE -> handler.resolve(who, job, "");
            case CANCEL -> handler.cancel(who, job);
        });
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
                        ? new Reply("reelbot is starting or restarting; try again in a moment.", false, null)
                        : ask(work, handler, facts.requester(), event)));
            } catch (RejectedExecutionException e) {
                log.warn("interaction {} arrived while shutting down; not answered", event.getId());
                reply(hook, new Reply("reelbot is shutting down; try again in a moment.", false, null));
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
            return new Reply("Something went wrong on the bot's side; it was logged (interaction " + event.getId()
                    + ").", false, null);
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
