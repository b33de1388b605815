package dev.reelbot.core;

import dev.reelbot.core.text.PlainText;

/**
 * What the bot answers the person who typed a command, privately (Slack ephemeral, Discord ephemeral, console).
 * Plain text; {@code `code`} spans are the only markup, which every platform shows the same way. It never holds a
 * control character (see {@link PlainText#printable}), whatever of the user's input it quotes; each platform caps
 * its length ({@link PlainText#capLines}).
 *
 * @param text  the answer
 * @param ok    false when the command was refused (a mistake to fix, a quota, a permission)
 * @param jobId the job the command started or is about, or {@code null}
 */
public record Reply(String text, boolean ok, String jobId) {
    public Reply {
        text = PlainText.printable(text);
    }

    public static Reply ok(String text) {
        return new Reply(text, true, null);
    }

    public static Reply refused(String text) {
        return new Reply(text, false, null);
    }
}
