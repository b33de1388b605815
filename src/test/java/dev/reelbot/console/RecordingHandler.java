package dev.reelbot.console;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import java.util.ArrayList;
import java.util.List;

/** Feeds lines to a {@link ConsoleChat} through a handler stand-in that records what each line asked for. */
final class RecordingHandler {
    final List<String> seen = new ArrayList<>();

    void feed(ConsoleChat chat, String... lines) {
        int n = 0;
        for (String line : lines) {
            chat.handleLine(line, this::answer, "k" + (++n));
        }
    }

    private Reply answer(Requester who, String text, String key) {
        seen.add(who.channel() + ": " + text.strip());
        return new Reply(text.strip().equals("help") ? "help text" : "ok", true, null);
    }
}
