package dev.reelbot.core.command;

import dev.reelbot.core.PublicAddresses;
import dev.reelbot.core.text.Msg;
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
    static Msg refusal(String text) {
        if (text.length() > MAX_LENGTH) {
            return Msg.of("error.image.long", MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Msg.of("error.image.invalid");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Msg.of("error.image.https");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Msg.of("error.image.no-host");
        }
        if (uri.getRawUserInfo() != null) {
            return Msg.of("error.image.credentials");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost") || lower.endsWith(".local")
                || lower.endsWith(".internal") || !lower.contains(".") && !lower.startsWith("[")) {
            return Msg.of("error.image.private-host", host);
        }
        if (isIpLiteral(lower)) {
            try {
                if (!PublicAddresses.isPublic(InetAddress.getByName(lower))) {
                    return Msg.of("error.image.private-address", host);
                }
            } catch (UnknownHostException e) {
                return Msg.of("error.image.bad-address", host);
            }
        }
        return null;
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
