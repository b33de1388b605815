package dev.reelbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.File;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.text.Msg;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a reference image a user shared in Slack (a form's upload, a message's image): {@code files.info} (scope
 * {@code files:read}), then its private URL with the bot token, capped at 10 MiB, as a {@code data:} URL the job
 * carries to the video API (Slack's file links need the token, so the API could not fetch them itself). The token
 * is only ever sent to Slack's own file hosts.
 *
 * <p>Threading: thread-safe; blocks on Slack, so it runs on the bot's executor, never on Bolt's threads.
 */
final class SlackFiles {
    private static final Logger log = LoggerFactory.getLogger(SlackFiles.class);
    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private final MethodsClient client;
    private final OkHttpClient http;
    private final String token;
    private final SlackCalls calls;
    private final HttpUrl apiBase;

    SlackFiles(MethodsClient client, OkHttpClient http, String token, SlackCalls calls, String apiBaseUrl) {
        this.client = client;
        this.http = http;
        this.token = token;
        this.calls = calls;
        this.apiBase = HttpUrl.get(apiBaseUrl);
    }

    /** Why an image cannot be used, in words the user can act on (put into their language where it is shown). */
    static final class Unusable extends Exception {
        private final transient Msg reason;

        Unusable(Msg reason) {
            super(reason.toString());
            this.reason = reason;
        }

        Msg reason() {
            return reason;
        }
    }

    /** Why Slack's description of a file is not an image the video API takes or is too large, or {@code null}. */
    static Msg refusal(String mimetype, Long size) {
        if (mimetype == null || !IMAGE_TYPES.contains(mimetype.toLowerCase(Locale.ROOT))) {
            return Msg.of("slack.image.not-image");
        }
        if (size != null && size > MAX_IMAGE_BYTES) {
            return Msg.of("slack.image.too-large");
        }
        return null;
    }

    /** The file as a {@code data:} URL. */
    String dataUrl(String fileId) throws Unusable, ChatException {
        File file = SlackCalls.required(calls.call("files.info", () -> client.filesInfo(r -> r.file(fileId)))
                .getFile(), "files.info", "file");
        Msg refusal = refusal(file.getMimetype(), file.getSize() == null ? null : file.getSize().longValue());
        if (refusal != null) {
            throw new Unusable(refusal);
        }
        String link = file.getUrlPrivateDownload() != null ? file.getUrlPrivateDownload() : file.getUrlPrivate();
        HttpUrl url = link == null ? null : HttpUrl.parse(link);
        if (url == null || !isSlackFileHost(url)) {
            throw new ChatException(ChatException.Kind.TRANSIENT, "files.info gave no Slack file link for " + fileId);
        }
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build();
        try (Response response = http.newCall(request).execute()) {
            return read(response);
        } catch (IOException e) {
            throw SlackErrors.fromNetwork("file download", e);
        }
    }

    private static String read(Response response) throws IOException, Unusable {
        ResponseBody body = response.body();
        String type = body == null || body.contentType() == null ? ""
                : (body.contentType().type() + "/" + body.contentType().subtype()).toLowerCase(Locale.ROOT);
        if (!response.isSuccessful() || !IMAGE_TYPES.contains(type)) {
            // Without files:read Slack answers its sign-in page (200, text/html) instead of the file.
            log.warn("a shared image answered HTTP {} ({}) instead of the image: is the files:read scope missing?",
                    response.code(), type.isEmpty() ? "no type" : type);
            throw new Unusable(Msg.of("slack.image.no-access"));
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw new Unusable(Msg.of("slack.image.too-large"));
            }
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }

    /** Slack's file hosts over HTTPS, or the configured Web API's own origin (a local Slack in tests). */
    private boolean isSlackFileHost(HttpUrl url) {
        boolean slack = url.isHttps() && (url.host().equals("files.slack.com") || url.host().endsWith(".slack.com"));
        boolean sameOrigin = url.scheme().equals(apiBase.scheme()) && url.host().equals(apiBase.host())
                && url.port() == apiBase.port();
        return slack || sameOrigin;
    }
}
