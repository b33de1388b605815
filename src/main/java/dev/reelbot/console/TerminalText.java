package dev.reelbot.console;

import org.jline.utils.AttributedString;

/**
 * Text as a terminal draws it. Emoji variation selectors and joiners are dropped: terminals disagree on how wide
 * "⚠️" or a joined family emoji is, and a line whose width the screen and the program count differently leaves
 * debris when redrawn; without them every character has one agreed width.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** One line, without the characters whose width terminals disagree on. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (c != 0xFE0F && c != 0xFE0E && c != 0x200D) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The longest start of {@code text} that fits in {@code columns} cells (a wide character is never split). */
    static String columns(String text, int columns) {
        return new AttributedString(text).columnSubSequence(0, Math.max(0, columns)).toString();
    }
}
