package dev.reelbot.discord;

import dev.reelbot.core.text.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes untrusted text (prompts, display names, API error messages) safe in a Discord message: every character
 * Discord's markdown or mention syntax gives meaning to is backslash-escaped, which Discord shows as the plain
 * character. So {@code **x**} stays literal, {@code <@123>} and {@code @everyone} show as text and resolve to
 * nobody (and every message is also sent with no allowed mentions, see {@link DiscordMessage}).
 */
final class DiscordText {
    /** Markdown (bold, italics, strike, code, spoiler, quote, heading, list, masked link) and mention syntax. */
    private static final String SPECIAL = "\\*_~`|><#-[]()@";
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{15,20}");
    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\d+)\\.");

    private DiscordText() {
    }

    /** One line of untrusted text, escaped and capped to {@code max} characters of output. */
    static String escape(String text, int max) {
        String line = PlainText.oneLine(text, Integer.MAX_VALUE);
        StringBuilder out = new StringBuilder(line.length() + 16);
        line.codePoints().forEach(cp -> {
            if (cp < 128 && SPECIAL.indexOf(cp) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        // "1. text" at the very start would become a numbered list.
        String escaped = ORDERED_LIST.matcher(out).replaceFirst("$1\\\\.");
        return capEscaped(escaped, max);
    }

    /**
     * A core {@code Reply} text: plain text whose {@code `code`} spans are its only markup. The spans are kept,
     * everything else is escaped, line by line.
     */
    static String reply(String text, int max) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (n > 0) {
                out.append('\n');
            }
            String[] parts = line.split("`", -1);
            int paired = (parts.length - 1) / 2 * 2;
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    // a backtick without a partner is shown as a backtick, not as the start of a code span
                    out.append(i <= paired ? "`" : "\\`");
                }
                boolean inCode = i % 2 == 1 && i <= paired;
                out.append(inCode ? parts[i] : escapeKeepingSpaces(parts[i]));
            }
        }
        return PlainText.capLines(out.toString(), max);
    }

    /** A mention of a user for message content (it pings nobody: mentions are never allowed), or nothing. */
    static String mention(String userId) {
        return userId != null && SNOWFLAKE.matcher(userId).matches() ? "<@" + userId + ">" : "";
    }

    /** A link Discord may show raw in a message (and play, for a video), or {@code null} when it is not one. */
    static String safeLink(String url) {
        if (url == null || url.length() > 1500 || url.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>')) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String escapeKeepingSpaces(String segment) {
        if (segment.isBlank()) {
            return segment.isEmpty() ? "" : " ";
        }
        return (segment.startsWith(" ") ? " " : "") + escape(segment, Integer.MAX_VALUE)
                + (segment.endsWith(" ") ? " " : "");
    }

    /** Caps without leaving a lone escaping backslash at the end. */
    private static String capEscaped(String escaped, int max) {
        String capped = PlainText.cap(escaped, max);
        if (capped.length() < escaped.length()) {
            String body = capped.substring(0, capped.length() - 1);
            int backslashes = 0;
            for (int i = body.length() - 1; i >= 0 && body.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            return (backslashes % 2 == 1 ? body.substring(0, body.length() - 1) : body) + "…";
        }
        return capped;
    }
}
