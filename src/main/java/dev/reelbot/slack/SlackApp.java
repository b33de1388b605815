package dev.reelbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.reelbot.core.LiveInstances;
import dev.reelbot.core.engine.CommandHandler;
import java.time.Clock;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * The Slack adapter's lifecycle: the Web API client (for {@link SlackChatPort}) exists first, so the engine can
 * be built with it; the Bolt app (whose constructor calls {@code auth.test}) is started once the engine's
 * {@link CommandHandler} exists, in Socket Mode or behind {@link SlackHttp}.
 */
public final class SlackApp implements AutoCloseable {
    private final SlackSettings settings;
    private final Slack slack;
    private final SlackChatPort port;
    private final Clock clock;
    private final SlackThrottle throttle;
    private final OkHttpClient files;
    private App app;
    private SlackCommands handlers;
    private SlackForms forms;
    private SlackHttp http;
    private SocketModeApp socketMode;

    public SlackApp(SlackSettings settings, Clock clock) {
        this(settings, clock, new LiveInstances());
    }

    /** A Slack app taking a share of the workspace's budgets when {@code instances} share it. */
    public SlackApp(SlackSettings settings, Clock clock, LiveInstances instances) {
        this.settings = settings;
        this.clock = clock;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
        config.setPrettyResponseLoggingEnabled(false);
        // OkHttp silently resends a request whose connection failed after it was written: for chat.postMessage
        // that is a second message Slack made and the bot never hears of. A failed call must surface instead, so
        // the engine's retry looks for the first post by its key before posting again.
        SlackHttpClient http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false).build());
        http.setConfig(config);
        this.slack = Slack.getInstance(config, http);
        this.throttle = new SlackThrottle(clock, settings.updatesPerMinute(), instances);
        this.files = http.getOkHttpClient();
        this.port = new SlackChatPort(slack.methods(settings.botToken().reveal()), files, settings, throttle);
    }

    public SlackChatPort port() {
        return port;
    }

    /** Whether the HTTP client may resend a call on its own (it must not: see the constructor). */
    boolean resendsFailedCalls() {
        return slack.getHttpClient().getOkHttpClient().retryOnConnectionFailure();
    }

    /**
     * Connects: checks the bot token ({@code auth.test}), registers the handlers and, in Socket Mode, opens the
     * socket. Throws when Slack refuses or cannot be reached, so the caller can retry.
     *
     * @param executor  where answers after an acknowledgement and App Home updates run
     * @param downloads where a form's reference image is read from Slack before its job starts
     */
    public synchronized void start(CommandHandler commands, Executor executor, Executor downloads) throws Exception {
        AppConfig.AppConfigBuilder config = AppConfig.builder().slack(slack)
                .singleTeamBotToken(settings.botToken().reveal());
        settings.signingSecret().ifPresent(secret -> config.signingSecret(secret.reveal()));
        app = new App(config.build());
        MethodsClient methods = slack.methods(settings.botToken().reveal());
        SlackCalls calls = new SlackCalls(throttle);
        SlackLocales locales = new SlackLocales(methods, executor, clock);
        forms = new SlackForms(commands, new SlackFiles(methods, files, settings.botToken().reveal(), calls,
                settings.apiBaseUrl()), port, locales, executor, downloads);
        SlackHome home = new SlackHome(commands, methods, calls, locales, executor);
        handlers = new SlackCommands(commands, forms, executor, locales);
        handlers.register(app, settings.command());
        forms.register(app);
        home.register(app);
        port.onJobEnded(home::jobEnded);
        if (settings.socketMode()) {
            String appToken = settings.appToken().orElseThrow(
                    () -> new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN")).reveal();
            socketMode = new SocketModeApp(appToken, app);
            socketMode.startAsync();
        } else {
            app.start();
            http = new SlackHttp(app);
        }
    }

    /** Stops starting new jobs (a graceful shutdown); commands are still answered, with "try again". */
    public synchronized void stopServing() {
        if (handlers != null) {
            handlers.stopServing();
            forms.stopServing();
        }
    }

    /** Whether Slack accepted the token and (in Socket Mode) the socket is open. */
    public synchronized boolean isConnected() {
        return app != null && (socketMode == null || socketMode.getClient() != null
                && socketMode.getClient().verifyConnection());
    }

    /** The HTTP-mode entry point, or {@code null} before {@link #start} (or in Socket Mode). */
    public synchronized SlackHttp http() {
        return http;
    }

    @Override
    public synchronized void close() throws Exception {
        if (socketMode != null) {
            socketMode.close();
        } else if (app != null) {
            app.stop();
        }
    }
}
