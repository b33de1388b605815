package dev.reelbot.slack;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a modal carries between opening and submission in its {@code private_metadata}: the channel it was opened
 * from ({@code null} when a global shortcut opened it: the form then asks where to post) and the reference image a
 * message shortcut picked: a file shared in Slack ({@code imageFileId}) or the link of an image shown in the message
 * ({@code imageUrl}, an unfurl or image block), {@code null} when none. Slack ids hold no {@code ;} or {@code =}, so
 * a plain {@code key=value;} string is enough; the link, which may hold both, is URL-encoded.
 *
 * @param imageName what the form shows of the image: the file's name, or the link's host and file name
 */
record ModalContext(String channel, String imageFileId, String imageName, String imageUrl) {
    /** A form with no image from a message. */
    ModalContext(String channel) {
        this(channel, null, null, null);
    }

    boolean hasImage() {
        return imageFileId != null || imageUrl != null;
    }

    String encode() {
        return "channel=" + nullToEmpty(channel) + ";image=" + nullToEmpty(imageFileId) + ";name="
                + nullToEmpty(imageName == null ? null : imageName.replace(";", ",")) + ";url="
                + (imageUrl == null ? "" : URLEncoder.encode(imageUrl, StandardCharsets.UTF_8));
    }

    static ModalContext decode(String metadata) {
        String channel = null;
        String image = null;
        String name = null;
        String url = null;
        for (String part : (metadata == null ? "" : metadata).split(";")) {
            int eq = part.indexOf('=');
            String value = eq < 0 || eq == part.length() - 1 ? null : part.substring(eq + 1);
            switch (eq < 0 ? "" : part.substring(0, eq)) {
                case "channel" -> channel = value;
                case "image" -> image = value;
                case "name" -> name = value;
                case "url" -> url = value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
                default -> {
                    // an unknown part: ignored, so an older form still submits after an upgrade
                }
            }
        }
        return new ModalContext(channel, image, name, url);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
