package dev.reelbot.core;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference image carried inside a request as a {@code data:} URL, for images the video API could not fetch
 * itself (a file shared in Slack needs the bot's token): the adapter that read it writes one, the API client sends
 * it as the model wants (a file part, or base64 {@code image}), and texts show a short description instead of it.
 *
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param bytes     the image
 */
public record InlineImage(String mediaType, byte[] bytes) {
    /** How a request names an image the engine moved to the media store: this, then the object's key. */
    public static final String STORED = "reelbot-media:";
    private static final Pattern DATA_URL = Pattern.compile("data:(image/[a-z0-9.+-]+);base64,(.*)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The image in {@code text}, when it is a base64 {@code data:} URL of an image. */
    public static Optional<InlineImage> parse(String text) {
        Matcher m = text == null ? null : DATA_URL.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InlineImage(m.group(1).toLowerCase(Locale.ROOT),
                    Base64.getDecoder().decode(m.group(2))));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is an inline image rather than a link (cheap: it does not decode it). */
    public static boolean isInline(String text) {
        return text != null && text.regionMatches(true, 0, "data:image/", 0, "data:image/".length());
    }

    public String toDataUrl() {
        return "data:" + mediaType + ";base64," + base64();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A file name for it, {@code reference.png}. */
    public String filename() {
        return "reference." + mediaType.substring(mediaType.indexOf('/') + 1).replace("jpeg", "jpg");
    }

    /** Whether {@code text} names an image the engine keeps in its media store. */
    public static boolean isStored(String text) {
        return text != null && text.startsWith(STORED);
    }

    /** Whether {@code text} is an image shared in the chat (inline or stored), which texts describe, not show. */
    public static boolean isShared(String text) {
        return isInline(text) || isStored(text);
    }

    /** What texts show instead of a shared image: "an uploaded PNG image (120 KiB)". */
    public static String describe(String text) {
        if (isStored(text)) {
            String ext = text.substring(text.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT).replace("JPG", "JPEG");
            return "an uploaded " + ext + " image (kept by the bot as " + text.substring(STORED.length()) + ")";
        }
        int slash = text.indexOf('/');
        int semicolon = text.indexOf(';');
        String kind = slash < 0 || semicolon < slash ? ""
                : text.substring(slash + 1, semicolon).toUpperCase(Locale.ROOT) + " ";
        long kib = Math.max(1, (text.length() - Math.max(0, text.indexOf(',') + 1)) * 3L / 4 / 1024);
        return "an uploaded " + kind + "image (" + kib + " KiB)";
    }
}
