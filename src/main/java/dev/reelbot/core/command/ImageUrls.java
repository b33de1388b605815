package dev.reelbot.core.command;

import dev.reelbot.core.PublicAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks an image URL a user typed before anything fetches it: {@code https} only, a real host name or a public
 * address, no credentials. Names are resolved (and checked again) only when the image is fetched.
 */
final class ImageUrls {
    static final int MAX_LENGTH = 2048;

    private ImageUrls() {
    }

    /** Why the URL is refused, or {@code null} when it is acceptable. */
    static String refusal(String text) {
        if (text.length() > MAX_LENGTH) {
            return "--image URL is longer than " + MAX_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "--image is not a valid URL.";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return "--image must be an https:// URL.";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "--image has no host name.";
        }
        if (uri.getRawUserInfo() != null) {
            return "--image must not contain a user name or password.";
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost") || lower.endsWith(".local")
                || lower.endsWith(".internal") || !lower.contains(".") && !lower.startsWith("[")) {
            return "--image must point to a public host, not " + host + ".";
        }
        if (isIpLiteral(lower)) {
            try {
                if (!PublicAddresses.isPublic(InetAddress.getByName(lower))) {
                    return "--image must point to a public address, not " + host + ".";
                }
            } catch (UnknownHostException e) {
                return "--image has an invalid address: " + host + ".";
            }
        }
        return null;
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
