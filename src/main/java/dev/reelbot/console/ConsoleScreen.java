package dev.reelbot.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes console chat lines. Plain mode (stdout is not a terminal) appends one line per post or edit, for logs
 * and pipes. Terminal mode redraws an edited message in place while it is still on screen, with ANSI cursor
 * moves, so a job's progress updates one line instead of scrolling.
 *
 * <p>Threading: every method is synchronized; lines never interleave.
 */
final class ConsoleScreen {
    private static final int MAX_TRACKED = 200;

    private final PrintStream out;
    private final boolean terminal;
    private final int width;
    /** Message ids in the order their lines were printed, for terminal mode; null entries are other lines. */
    private final List<String> lines = new ArrayList<>();

    ConsoleScreen(PrintStream out, boolean terminal, int width) {
        this.out = out;
        this.terminal = terminal;
        this.width = Math.max(40, width);
    }

    synchronized void posted(String channel, String messageId, String text) {
        print(messageId, channel + " msg " + messageId + " posted: " + text);
    }

    synchronized void edited(String channel, String messageId, String text) {
        String line = channel + " msg " + messageId + " edited: " + text;
        int index = lines.lastIndexOf(messageId);
        if (!terminal || index < 0) {
            print(messageId, line);
            return;
        }
        int up = lines.size() - index;
        out.print("\u001b[" + up + "A\r\u001b[2K" + fit(line) + "\u001b[" + up + "B\r");
        out.flush();
    }

    synchronized void note(String channel, String text) {
        for (String part : text.split("\n")) {
            print(null, channel + " " + part);
        }
    }

    /** A line the terminal printed by itself (the echo of what the user typed). */
    synchronized void echoed() {
        if (terminal) {
            track(null);
        }
    }

    private void print(String messageId, String line) {
        out.println(terminal ? fit(line) : line);
        out.flush();
        if (terminal) {
            track(messageId);
        }
    }

    private void track(String messageId) {
        lines.add(messageId);
        if (lines.size() > MAX_TRACKED) {
            lines.remove(0);
        }
    }

    /** One terminal row: a longer line would wrap and break the cursor arithmetic. */
    private String fit(String line) {
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }
}
