package dev.reelbot.slack;

import dev.reelbot.core.text.PlainText;
import java.util.regex.Pattern;

/**
 * Slack mrkdwn for untrusted text: {@code &}, {@code <} and {@code >} escaped, so no prompt can produce
 * {@code <!channel>}, {@code <!here>}, {@code <@U...>} or a disguised link. Mentions and links are only ever built
 * here, from ids and URLs the bot checked.
 */
final class SlackText {
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|]+");
    /** The longest private answer sent: Slack shows about 4,000 characters of a message's text. */
    static final int MAX_REPLY_CHARS = 3000;

    private SlackText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A core {@code Reply} text for Slack: escaped, and capped by whole lines ("… and N more lines"). */
    static String reply(String text) {
        return PlainText.capLines(escape(text), MAX_REPLY_CHARS);
    }

    /** A mention of a user id Slack gave us; anything else is shown as plain text. */
    static String mention(String userId) {
        return USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : escape(userId);
    }

    /** Whether {@code url} is a plain http(s) URL that cannot break out of Slack's link or image syntax. */
    static boolean isSafeUrl(String url) {
        return url != null && SAFE_URL.matcher(url).matches();
    }

    /** A link with an escaped label; a URL that could break out of the link syntax is shown escaped instead. */
    static String link(String url, String label) {
        return isSafeUrl(url) ? "<" + url + "|" + escape(label) + ">" : escape(url);
    }
}
