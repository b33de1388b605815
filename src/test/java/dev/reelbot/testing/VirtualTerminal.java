package dev.reelbot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.ScreenTerminal;

/**
 * A terminal of a given size for tests: a JLine {@link Terminal} over piped streams (keys typed in, bytes out), and
 * the screen those bytes draw, interpreted by a VT100 emulator (JLine's {@link ScreenTerminal}, which counts an
 * emoji as two cells like real terminals do).
 */
public final class VirtualTerminal implements AutoCloseable {
    private final int columns;
    private final int rows;
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Terminal terminal;

    public VirtualTerminal(int columns, int rows) throws IOException {
        this.columns = columns;
        this.rows = rows;
        PipedInputStream keys = new PipedInputStream(keyboard, 64 * 1024);
        this.terminal = TerminalBuilder.builder().system(false).streams(keys, output)
                .size(new Size(columns, rows)).type("xterm-256color").encoding(StandardCharsets.UTF_8).build();
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Types these keys (a line ends with {@code \r}, as a keyboard's Enter sends). */
    public void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Every byte written to the terminal so far. */
    public byte[] written() {
        return output.toByteArray();
    }

    /** What the screen shows now: one string per row, trailing blanks removed. */
    public List<String> screen() {
        ScreenTerminal screen = new ScreenTerminal(columns, rows);
        String written;
        synchronized (output) {
            written = output.toString(StandardCharsets.UTF_8);
        }
        screen.write(written);
        return screen.toString().lines().map(String::stripTrailing).toList();
    }

    /** The rows from the first non-blank one to the last non-blank one. */
    public List<String> usedRows() {
        List<String> screen = screen();
        int first = 0;
        while (first < screen.size() && screen.get(first).isBlank()) {
            first++;
        }
        int last = screen.size() - 1;
        while (last >= first && screen.get(last).isBlank()) {
            last--;
        }
        return screen.subList(first, last + 1);
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
        terminal.close();
    }
}
