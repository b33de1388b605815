package dev.reelbot.console;

import dev.reelbot.core.View;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The console as plain appended lines, for pipes and logs: one line per post or edit
 * ({@code #general msg ID posted: ...}), one per line of a private answer. Scripts and tests read these lines, so
 * their format is kept exactly.
 *
 * <p>Threading: output methods are synchronized, so lines never interleave.
 */
final class PlainScreen implements ConsoleScreen {
    private final BufferedReader in;
    private final PrintStream out;

    PlainScreen(InputStream in, PrintStream out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    @Override
    public synchronized void show(String channel, String messageId, View view, boolean posted) {
        println(channel + " msg " + messageId + (posted ? " posted: " : " edited: ") + ConsoleFormat.line(view));
    }

    @Override
    public synchronized void note(String channel, String text) {
        for (String part : text.split("\n")) {
            println(channel + " " + part);
        }
    }

    private void println(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public String readLine() throws IOException {
        return in.readLine();
    }

    @Override
    public boolean interrupted() {
        return false;
    }

    @Override
    public void close() {
        out.flush();
    }
}
