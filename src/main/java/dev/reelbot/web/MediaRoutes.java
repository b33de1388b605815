package dev.reelbot.web;

import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves kept videos and their poster frames at {@code GET /v/{job}/{token}.mp4} and {@code .jpg} (and
 * {@code HEAD}): range requests (206 with {@code Content-Range}, 416 past the end), a strong {@code ETag} with
 * {@code If-None-Match} and {@code If-Range}, and the right {@code Content-Type}. A wrong token answers 404 and an
 * expired one 410, decided from the token alone, so the answer never tells whether the job exists; a valid link to
 * a video the store no longer holds answers the same 404, and one the store cannot reach now (a bucket out of reach)
 * 503 with {@code Retry-After}.
 *
 * <p>Threading: Jetty's request threads; the store streams each answer straight from the file or the bucket (a
 * ranged GET), so every instance sharing a bucket answers alike, the same {@code ETag} included.
 */
public final class MediaRoutes {
    static final String PREFIX = "/v/";
    static final String PATH = PREFIX + "{job}/{file}";
    static final String NOT_FOUND = "Not found.";
    static final String UNAVAILABLE = "The video cannot be fetched right now. Try again in a minute.";
    static final String EXPIRED = "This link has expired. Ask the bot for the video again (/video status <job>).";
    private static final Logger log = LoggerFactory.getLogger(MediaRoutes.class);
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9_-]+)\\.(mp4|jpg)");
    private static final Pattern JOB = Pattern.compile("[a-z0-9]{1,64}");

    private final SignedLinks links;
    private final MediaStore store;
    private final Clock clock;

    public MediaRoutes(SignedLinks links, MediaStore store, Clock clock) {
        this.links = links;
        this.store = store;
        this.clock = clock;
    }

    void serve(Context ctx, boolean head) throws IOException {
        String job = ctx.pathParam("job");
        Matcher file = FILE.matcher(ctx.pathParam("file"));
        if (!file.matches() || !JOB.matcher(job).matches()) {
            answer(ctx, 404, NOT_FOUND);
            return;
        }
        switch (links.check(job, file.group(1), clock.instant())) {
            case BAD -> answer(ctx, 404, NOT_FOUND);
            case EXPIRED -> answer(ctx, 410, EXPIRED);
            case VALID -> sendOrExplain(ctx, job + "." + file.group(2), file.group(2).equals("mp4") ? "video/mp4"
                    : "image/jpeg", head);
        }
    }

    /** Sends the object; a store that does not answer (a bucket out of reach) is a 503 to retry, never a 404. */
    private void sendOrExplain(Context ctx, String key, String type, boolean head) {
        try {
            send(ctx, key, type, head);
        } catch (NoSuchFileException goneMeanwhile) {
            ctx.res().reset();
            answer(ctx, 404, NOT_FOUND);
        } catch (IOException e) {
            log.error("media {}: the media store could not be read", key, e);
            ctx.res().reset();
            ctx.header("Retry-After", "30");
            answer(ctx, 503, UNAVAILABLE);
        }
    }

    private void send(Context ctx, String key, String type, boolean head) throws IOException {
        Optional<MediaObject> found = store.stat(key);
        if (found.isEmpty()) {
            answer(ctx, 404, NOT_FOUND);
            return;
        }
        MediaObject object = found.get();
        long size = object.bytes();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(object.storedAt().toEpochMilli()) + "\"";
        ctx.header("ETag", etag).header("Accept-Ranges", "bytes").header("Cache-Control", "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        String ifRange = ctx.header("If-Range");
        ByteRange.Asked asked = ifRange != null && !ifRange.strip().equals(etag) ? new ByteRange.Whole()
                : ByteRange.parse(ctx.header("Range"), size);
        if (asked instanceof ByteRange.Unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + size);
            answer(ctx, 416, "The range asked for lies past the end of the file.");
            return;
        }
        ByteRange range = asked instanceof ByteRange.Part part ? part.range() : new ByteRange(0, size - 1);
        ctx.status(asked instanceof ByteRange.Part ? 206 : 200).contentType(type)
                .header("Content-Length", Long.toString(Math.max(0, range.length())));
        if (asked instanceof ByteRange.Part) {
            ctx.header("Content-Range", range.contentRange(size));
        }
        if (!head && size > 0) {
            ctx.result(store.open(key, range.first(), range.length()));
        }
        log.debug("media {} {}: {} bytes from {}", key, ctx.status(), range.length(), range.first());
    }

    private static void answer(Context ctx, int status, String text) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
    }
}
