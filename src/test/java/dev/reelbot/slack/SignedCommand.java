package dev.reelbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A signed {@code /video} sent to a bot process's {@code /slack/events}, as Slack in HTTP mode sends it. */
final class SignedCommand {
    private static final Pattern JOB_ID = Pattern.compile("Job `([a-z0-9]{8})`");
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();

    private SignedCommand() {
    }

    /** {@link #send(int, String, String, String)} in {@code C0GENERAL}. */
    static Optional<String> send(int port, String text, String trigger) throws IOException {
        return send(port, text, trigger, "C0GENERAL");
    }

    /**
     * Sends {@code /video text} in {@code channel} from a user named after the trigger; returns the job id when the
     * bot accepted it.
     */
    static Optional<String> send(int port, String text, String trigger, String channel) throws IOException {
        String body = SlackHarness.formBody(Map.of("command", "/video", "text", text, "user_id", "U0USER"
                + trigger.replaceAll("\\D", ""), "user_name", "user", "channel_id", channel, "team_id",
                FakeSlack.TEAM, "trigger_id", trigger, "response_url", "http://127.0.0.1:1/unused"));
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/slack/events")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(SlackHarness.SECRET).generate(ts, body))
                .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            Matcher m = JOB_ID.matcher(response.body().string());
            return response.code() == 200 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }
}
