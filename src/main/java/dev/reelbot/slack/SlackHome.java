package dev.reelbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.HomeView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.engine.CommandHandler;
import dev.reelbot.core.job.StoreException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home: published ({@code views.publish}) when a user opens it, and again when one of their jobs ends, for
 * users who opened it since the bot started; an admin's Mark refunded there resolves the case and redraws it. It is
 * drawn in the user's Slack language.
 *
 * <p>Threading: Bolt's threads only acknowledge; reading the store and publishing run on the executor. The set of
 * users who opened the home is synchronized and bounded (the oldest forgotten first).
 */
final class SlackHome {
    static final String REFUND = "reelbot_home_refund";
    private static final Logger log = LoggerFactory.getLogger(SlackHome.class);
    private static final int REMEMBERED = 10_000;

    private final CommandHandler commands;
    private final MethodsClient client;
    private final SlackCalls calls;
    private final SlackLocales locales;
    private final Executor executor;
    /** Users who opened the home, with their workspace: the ones whose home a job's end refreshes. */
    private final Map<String, String> opened = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    SlackHome(CommandHandler commands, MethodsClient client, SlackCalls calls, SlackLocales locales,
              Executor executor) {
        this.commands = commands;
        this.client = client;
        this.calls = calls;
        this.locales = locales;
        this.executor = executor;
    }

    void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if ("home".equals(event.getTab())) {
                opened.put(event.getUser(), payload.getTeamId());
                executor.execute(() -> publish(who(payload.getTeamId(), event.getUser()), null));
            }
            return ctx.ack();
        });
        app.blockAction(REFUND, this::onMarkRefunded);
    }

    /** One of the user's jobs ended: their home, if they opened it, shows it. */
    void jobEnded(String user) {
        String team = opened.get(user);
        if (team != null) {
            executor.execute(() -> publish(who(team, user), null));
        }
    }

    private Response onMarkRefunded(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String jobId = p.getActions().isEmpty() ? "" : String.valueOf(p.getActions().get(0).getValue());
        String team = p.getUser().getTeamId() == null ? "" : p.getUser().getTeamId();
        executor.execute(() -> {
            Requester admin = new Requester(SlackChatPort.PLATFORM, team, "", p.getUser().getId(),
                    p.getUser().getUsername()).withLocale(locales.lookUp(p.getUser().getId()));
            Reply reply = SlackCommands.safely(admin, () -> commands.resolve(admin, jobId,
                    admin.texts().get("slack.home.marked-from-home")));
            publish(admin, reply.text());
        });
        return ctx.ack();
    }

    /** The user, in their Slack language (asked on the executor's thread: publishing is not on Slack's clock). */
    private Requester who(String team, String user) {
        return new Requester(SlackChatPort.PLATFORM, team == null ? "" : team, "", user, user)
                .withLocale(locales.lookUp(user));
    }

    /** Publishes the user's home, with {@code note} (the answer to what they just did) at its top. */
    private void publish(Requester who, String note) {
        HomeView home;
        try {
            home = commands.home(who);
        } catch (StoreException e) {
            log.warn("could not read the App Home of {}; it keeps what it showed", who.qualifiedUser(), e);
            return;
        }
        try {
            calls.call("views.publish", () -> client.viewsPublish(r -> r.userId(who.user())
                    .view(SlackHomeView.of(home, note, commands.texts(who)))));
        } catch (ChatException e) {
            log.warn("could not publish the App Home of {}: {}", who.qualifiedUser(), e.getMessage());
        }
    }
}
