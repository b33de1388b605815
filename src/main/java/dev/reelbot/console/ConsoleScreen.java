package dev.reelbot.console;

import dev.reelbot.core.View;
import java.io.IOException;

/**
 * Where the console chat shows messages and reads what is typed: {@link PlainScreen} appends one line per post
 * and edit (pipes, logs, tests), {@link TerminalScreen} keeps running jobs in a live region above the input line.
 *
 * <p>Threading: {@link #show} and {@link #note} are called from the engine's workers while {@link #readLine}
 * blocks on the console thread; implementations are thread-safe.
 */
sealed interface ConsoleScreen extends AutoCloseable permits PlainScreen, TerminalScreen {

    /** A message was posted ({@code posted}) or edited to show {@code view}. */
    void show(String channel, String messageId, View view, boolean posted);

    /** A private answer to the person typing; may hold several lines. */
    void note(String channel, String text);

    /** The next typed line; {@code null} once input has ended (end of input, or Ctrl+C on a terminal). */
    String readLine() throws IOException;

    /** Whether input ended because the person pressed Ctrl+C rather than closing it. */
    boolean interrupted();

    /** Clears what is only there while running (the live region); later output is plain. */
    @Override
    void close();
}
