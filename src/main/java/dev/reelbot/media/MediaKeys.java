package dev.reelbot.media;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names media stores accept: plain file names ({@code abcd2345.mp4}), never a path, never hidden, never a
 * temporary name, so a key can neither escape a directory nor a bucket prefix.
 */
final class MediaKeys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9]+)?");

    private MediaKeys() {
    }

    static boolean valid(String name) {
        return KEY.matcher(name).matches();
    }

    /** Returns {@code key}, or throws when it is not a media key. */
    static String check(String key) {
        if (!valid(key)) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return key;
    }

    /** The content type a browser or a chat needs for the object under {@code key}. */
    static String contentType(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
