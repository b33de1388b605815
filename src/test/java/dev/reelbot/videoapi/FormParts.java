package dev.reelbot.videoapi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.MultipartReader;
import okio.Buffer;

/** Parses a recorded multipart request back into its parts, to check exactly what the client sent. */
final class FormParts {
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** One part: its text (or bytes), and a filename and content type when it is a file. */
    record Part(String name, String filename, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private FormParts() {
    }

    static Map<String, Part> parse(RecordedRequest request) throws IOException {
        String type = request.getHeaders().get("Content-Type");
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
        Map<String, Part> parts = new LinkedHashMap<>();
        Buffer body = new Buffer().write(request.getBody());
        try (MultipartReader reader = new MultipartReader(body, boundary)) {
            for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
                String disposition = part.headers().get("Content-Disposition");
                Matcher name = NAME.matcher(disposition);
                Matcher filename = FILENAME.matcher(disposition);
                name.find();
                parts.put(name.group(1), new Part(name.group(1), filename.find() ? filename.group(1) : null,
                        part.headers().get("Content-Type"), part.body().readByteArray()));
            }
        }
        return parts;
    }
}
