package dev.reelbot.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files and users of {@link FakeSlack}: {@code files.info} describes a shared file as Slack does (with its
 * private URL), that URL serves the bytes only with a bot token (without one, Slack's sign-in page: a 200 in
 * {@code text/html}), and {@code users.info} answers a user, with {@code locale} when {@code include_locale} is set.
 */
final class FakeSlackFiles {
    /** A file shared in the workspace. */
    record SharedFile(String id, String name, String mimetype, byte[] bytes) {
    }

    private final Map<String, SharedFile> files = new ConcurrentHashMap<>();
    private final Map<String, String> locales = new ConcurrentHashMap<>();
    private final List<String> downloads = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean signInPage;

    /** Shares a file; returns its id. */
    String share(String name, String mimetype, byte[] bytes) {
        String id = "F0IMG" + ids.incrementAndGet();
        files.put(id, new SharedFile(id, name, mimetype, bytes));
        return id;
    }

    /** From now on, file links answer Slack's sign-in page, as they do for a token without {@code files:read}. */
    void answerSignInPage() {
        signInPage = true;
    }

    void setLocale(String user, String locale) {
        locales.put(user, locale);
    }

    /** The {@code Authorization} header of each file download, in order. */
    List<String> downloads() {
        return List.copyOf(downloads);
    }

    /** A file as Slack describes it in {@code files.info}, a message's {@code files} and a form's upload. */
    ObjectNode describe(String id, String base, ObjectNode into) {
        SharedFile file = files.get(id);
        String ext = file.name().substring(file.name().lastIndexOf('.') + 1);
        return into.put("id", id).put("name", file.name()).put("title", file.name()).put("mimetype", file.mimetype())
                .put("filetype", ext).put("size", file.bytes().length).put("user", "U0ALICE1")
                .put("url_private", base + "/files-pri/" + id)
                .put("url_private_download", base + "/files-pri/" + id + "?download=1");
    }

    String answer(String method, Map<String, String> form, ObjectNode answer, String base) {
        if (method.equals("files.info")) {
            if (!files.containsKey(String.valueOf(form.get("file")))) {
                return "file_not_found";
            }
            describe(form.get("file"), base, answer.putObject("file"));
            return null;
        }
        String user = form.get("user");
        if (user == null || user.isBlank()) {
            return "user_not_found";
        }
        ObjectNode found = answer.putObject("user").put("id", user).put("team_id", FakeSlack.TEAM)
                .put("name", user.toLowerCase()).put("real_name", user).put("tz", "Europe/London")
                .put("is_bot", false);
        if ("true".equals(form.get("include_locale")) || "1".equals(form.get("include_locale"))) {
            found.put("locale", locales.getOrDefault(user, "en-US"));
        }
        return null;
    }

    void download(Context ctx) {
        String auth = String.valueOf(ctx.header("Authorization"));
        downloads.add(auth);
        SharedFile file = files.get(ctx.pathParam("file"));
        if (file == null || !auth.startsWith("Bearer xoxb-") || signInPage) {
            ctx.contentType("text/html").result("<html>Sign in to Slack</html>");
            return;
        }
        ctx.contentType(file.mimetype()).result(file.bytes());
    }
}
