package dev.reelbot.web;

import dev.reelbot.core.Secret;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.slack.SlackHttp;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The bot's HTTP server (Javalin): the probes {@code GET /livez}, {@code GET /readyz} and {@code GET /healthz}
 * (see {@link HealthReport}), {@code GET /metrics} (Prometheus), Slack's HTTP-mode endpoint
 * {@code POST /slack/events}, the signed links to kept videos, {@code GET /v/{job}/{token}.mp4} (see
 * {@link MediaRoutes}) when {@code server.public-url} is set, and the admins' {@code GET /admin/usage.csv} (see
 * {@link UsageExport}) when its token is set.
 *
 * <p>Threading: Jetty's threads serve requests; Slack requests are handed to Bolt on the same thread, which
 * acknowledges within Slack's three seconds because the core only writes a row before answering.
 */
public final class WebServer implements AutoCloseable {
    public static final String SLACK_EVENTS = "/slack/events";
    public static final String HEALTH = "/healthz";
    public static final String LIVE = "/livez";
    public static final String READY = "/readyz";
    public static final String METRICS = "/metrics";
    private static final long MAX_REQUEST_BYTES = 1_000_000;

    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts on {@code port} (0: any free port).
     *
     * @param slack   the Slack HTTP entry point once Slack is connected, else {@code null} (answered with 503)
     * @param health  the components the probes report
     * @param metrics the Prometheus text {@code /metrics} serves
     */
    public static WebServer start(String host, int port, Supplier<SlackHttp> slack, HealthReport health,
                                  Supplier<String> metrics) {
        return start(host, port, slack, health, metrics, null);
    }

    /** The same, also serving kept videos through {@code media} ({@code null}: no video links). */
    public static WebServer start(String host, int port, Supplier<SlackHttp> slack, HealthReport health,
                                  Supplier<String> metrics, MediaRoutes media) {
        return start(host, port, slack, health, metrics, media, Optional.empty(), (period, at) -> "",
                Clock.systemUTC());
    }

    /**
     * @param media      serves kept videos ({@code null}: no video links)
     * @param adminToken the bearer token of {@code GET /admin/usage.csv}; empty: the route does not exist
     * @param usageCsv   the CSV of a period as of an instant
     */
    public static WebServer start(String host, int port, Supplier<SlackHttp> slack, HealthReport health,
                                  Supplier<String> metrics, MediaRoutes media, Optional<Secret> adminToken,
                                  BiFunction<UsagePeriod, Instant, String> usageCsv, Clock clock) {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.routes.post(SLACK_EVENTS, ctx -> slackEvent(ctx, slack.get()));
            config.routes.get(LIVE, ctx -> probe(ctx, health, HealthReport.Probe.LIVE));
            config.routes.get(READY, ctx -> probe(ctx, health, HealthReport.Probe.READY));
            config.routes.get(HEALTH, ctx -> probe(ctx, health, HealthReport.Probe.DETAILED));
            config.routes.get(METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.get()));
            if (media != null) {
                config.routes.get(MediaRoutes.PATH, ctx -> media.serve(ctx, false));
                config.routes.head(MediaRoutes.PATH, ctx -> media.serve(ctx, true));
            }
            adminToken.ifPresent(token -> config.routes.get(UsageExport.PATH,
                    new UsageExport(token, usageCsv, clock)::handle));
        });
        javalin.start();
        return new WebServer(javalin);
    }

    public int port() {
        return javalin.port();
    }

    private static void probe(Context ctx, HealthReport health, HealthReport.Probe probe) {
        HealthReport.Result result = health.check(probe);
        ctx.status(result.status()).contentType("application/json").result(result.body());
    }

    private static void slackEvent(Context ctx, SlackHttp slack) {
        if (slack == null) {
            ctx.status(503).contentType("text/plain").result("Slack is not connected yet; try again shortly");
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        SlackHttp.Answer answer = slack.handle(ctx.path(), ctx.queryParamMap(), headers, ctx.body(), ctx.ip());
        answer.headers().forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
