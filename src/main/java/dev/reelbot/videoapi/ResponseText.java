package dev.reelbot.videoapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.ResponseBody;

/** Reads an API answer as text, refusing to hold more than a cap in memory: a huge answer is garbage, not a job. */
final class ResponseText {
    static final int MAX_CHARS = 1024 * 1024;

    private ResponseText() {
    }

    /** The body as UTF-8, or empty when there is none or it exceeds {@link #MAX_CHARS} bytes (garbage, not a job). */
    static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_CHARS + 1);
            return bytes.length > MAX_CHARS ? "" : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Like {@link #read} but an oversize or unreadable body becomes empty: for error bodies, read only for a hint. */
    static String readForError(ResponseBody body) {
        try {
            return read(body);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
