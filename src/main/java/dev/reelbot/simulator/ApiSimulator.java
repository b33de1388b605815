package dev.reelbot.simulator;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful fake of the video API (three routes, Bearer auth, multipart, both error shapes, progress in time),
 * for {@code demo}, {@code simulate-api} and tests. Prompt markers pick per-job behaviour; see {@link Behaviour}.
 *
 * <p>Threading: Jetty serves requests concurrently; jobs live in a concurrent map and are immutable, their state
 * derived from the clock at each request.
 */
public final class ApiSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiSimulator.class);
    private static final String JSON_TYPE = "application/json";

    private final SimulatorOptions options;
    private final SampleVideo video = SampleVideo.load();
    private final Map<String, SimJob> jobs = new ConcurrentHashMap<>();
    private final CreateLog creates = new CreateLog();
    private final KeyLimit keyLimit;
    private final Faults faults;
    private final SplittableRandom random;
    private final SimJournal journal;
    private final Javalin server;

    private ApiSimulator(SimulatorOptions options, SimJournal journal) {
        this.options = options;
        this.journal = journal;
        this.random = new SplittableRandom(options.seed());
        this.faults = new Faults(options.chaos(), options.seed());
        this.keyLimit = new KeyLimit(options.maxConcurrent());
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = 20L * 1024 * 1024;
            config.routes.before("/v1/*", this::authorizeAndInjectFaults);
            config.routes.post("/v1/videos", this::create);
            config.routes.get("/v1/videos/{id}", this::get);
            config.routes.get("/v1/videos/{id}/content", this::content);
            config.routes.get("/files/{file}", this::publicFile);
            config.routes.get("/_sim/creates", ctx -> json(ctx, 200, creates.json()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("simulator: {} {} failed", ctx.method(), ctx.path(), e);
                json(ctx, 500, SimJson.openAiError("internal error", "new_api_error", "internal_error"));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    json(ctx, 404, SimJson.openAiError("no route " + ctx.path(), "invalid_request_error",
                            "not_found"));
                }
            });
        });
    }

    /** Starts a simulator; {@link #close()} stops it. */
    public static ApiSimulator start(SimulatorOptions options) {
        ApiSimulator simulator = new ApiSimulator(options, null);
        simulator.server.start();
        return simulator;
    }

    /**
     * Starts a simulator that keeps its jobs in {@code journalFile} and begins with the jobs found there, on the
     * port it used before when that is free and {@code options} asks for any port.
     */
    public static ApiSimulator startWithJournal(SimulatorOptions options, Path journalFile) {
        SimJournal journal = new SimJournal(journalFile);
        SimJournal.Saved saved = journal.load();
        ApiSimulator simulator = new ApiSimulator(options.withPort(saved.portFor(options)), journal);
        saved.jobs().forEach(job -> simulator.jobs.put(job.id(), job));
        simulator.server.start();
        journal.save(simulator.port(), simulator.jobs.values(), simulator.now());
        log.info("simulator: {} jobs resumed from {}", saved.jobs().size(), journalFile);
        return simulator;
    }

    public String baseUrl() {
        return "http://" + options.host() + ":" + server.port();
    }

    public String apiKey() {
        return options.apiKey();
    }

    public int port() {
        return server.port();
    }

    /** Every create request that reached the server with the key, and how each was answered; for tests. */
    CreateLog creates() {
        return creates;
    }

    /** What {@code [big]} jobs deliver: a real clip over 10 MiB made with ffmpeg, or (without it) why not. */
    public String bigVideo() {
        return video.describeBig();
    }

    /** How many jobs were accepted. */
    int jobCount() {
        return jobs.size();
    }

    /** The jobs it accepted (each a billed job), for tests. */
    List<SimJob> acceptedJobs() {
        return List.copyOf(jobs.values());
    }

    @Override
    public void close() {
        server.stop();
    }

    private void authorizeAndInjectFaults(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.equals("Bearer " + options.apiKey())) {
            json(ctx, 401, SimJson.openAiError("invalid token", "new_api_error", "invalid_api_key"));
            ctx.skipRemainingHandlers();
            return;
        }
        if (faults.intercept(ctx)) {
            if (isCreate(ctx)) {
                creates.record(ctx.formParam("prompt"), ctx.statusCode());
            }
            ctx.skipRemainingHandlers();
        }
    }

    private static boolean isCreate(Context ctx) {
        return ctx.method().name().equals("POST") && ctx.path().equals("/v1/videos");
    }

    private void create(Context ctx) {
        CreateBody body = CreateBody.read(ctx);
        if (body.error() != null) {
            json(ctx, 400, body.error());
            return;
        }
        Map<String, String> form = body.fields();
        boolean filePart = body.filePart();
        String prompt = form.get("prompt");
        CreateRules.Outcome outcome = CreateRules.check(form, filePart, now(), options);
        if (outcome instanceof CreateRules.Outcome.Refused refused) {
            json(ctx, refused.status(), refused.body());
            creates.record(prompt, refused.status());
            return;
        }
        SimJob job = ((CreateRules.Outcome.Accepted) outcome).job().withMore(faults.forNewJob());
        synchronized (jobs) {
            if (keyLimit.full(jobs.values(), now())) {
                creates.record(prompt, keyLimit.refuse(ctx));
                return;
            }
            jobs.put(job.id(), job);
            creates.record(prompt, 200);
        }
        if (journal != null) {
            journal.save(port(), jobs.values(), now());
        }
        log.info("simulator: created {} ({}, {} s, behaviours {})", job.id(), job.model(), job.seconds(),
                job.behaviours());
        if (job.behaviours().contains(Behaviour.HANG)) {
            holdBack();
        }
        json(ctx, 200, SimJson.job(job, job.at(job.createdAt()), options.dialect(), null));
    }

    private void get(Context ctx) {
        SimJob job = jobs.get(ctx.pathParam("id"));
        if (job == null || job.at(now()).phase() == SimJob.Phase.LOST) {
            json(ctx, 400, SimJson.taskError("task_not_exist", "task_not_exist"));
            return;
        }
        if (job.behaviours().contains(Behaviour.FLAKY) && flakyFailure(ctx)) {
            return;
        }
        SimJob.View view = job.at(now());
        String resultUrl = job.hasResultUrl() ? baseUrl() + "/files/" + job.id() + ".mp4" : null;
        json(ctx, 200, SimJson.job(job, view, options.dialect(), resultUrl));
    }

    /** A [hang] create: the job exists, but the answer comes too late for the client. */
    private void holdBack() {
        try {
            Thread.sleep(options.hangDuration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean flakyFailure(Context ctx) {
        double roll;
        int pick;
        synchronized (random) {
            roll = random.nextDouble();
            pick = random.nextInt(4);
        }
        if (roll >= options.flakyRate()) {
            return false;
        }
        switch (pick) {
            case 0 -> {
                ctx.header("Retry-After", "1");
                json(ctx, 429, SimJson.openAiError("当前分组上游负载已饱和，请稍后再试", "new_api_error",
                        "rate_limit_exceeded"));
            }
            case 1 -> json(ctx, 500, SimJson.openAiError("internal error", "new_api_error", "internal_error"));
            case 2 -> ctx.status(502).contentType("text/html").result("<html><body>502 Bad Gateway</body></html>");
            default -> json(ctx, 503, SimJson.taskError("upstream_error", "upstream temporarily unavailable"));
        }
        return true;
    }

    private void content(Context ctx) {
        SimJob job = jobs.get(ctx.pathParam("id"));
        if (job == null || job.at(now()).phase() == SimJob.Phase.LOST) {
            json(ctx, 400, SimJson.taskError("task_not_exist", "task_not_exist"));
            return;
        }
        if (job.at(now()).phase() != SimJob.Phase.COMPLETED) {
            json(ctx, 400, SimJson.openAiError("the video is not ready", "invalid_request_error", "video_not_ready"));
            return;
        }
        sendVideo(ctx, job);
    }

    private void publicFile(Context ctx) {
        String file = ctx.pathParam("file");
        SimJob job = file.endsWith(".mp4") ? jobs.get(file.substring(0, file.length() - 4)) : null;
        if (job == null || !job.hasResultUrl() || job.at(now()).phase() != SimJob.Phase.COMPLETED) {
            ctx.status(404).contentType("text/plain").result("not found");
            return;
        }
        if (!now().isBefore(job.expiresAt())) {
            ctx.status(403).contentType("text/plain").result("this link has expired");
            return;
        }
        sendVideo(ctx, job);
    }

    private void sendVideo(Context ctx, SimJob job) {
        SampleVideo.Served served = video.open(job.behaviours().contains(Behaviour.BIG));
        ctx.status(200).contentType("video/mp4").header("Content-Length", Long.toString(served.length()));
        ctx.result(served.content());
    }

    private Instant now() {
        return options.clock().instant();
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON_TYPE).result(body);
    }

    /** The markers a prompt may carry, for help texts. */
    public static List<String> markers() {
        return Arrays.stream(Behaviour.values()).map(b -> "[" + b.name().toLowerCase(Locale.ROOT) + "]").toList();
    }
}
