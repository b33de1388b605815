package dev.reelbot.store;

import dev.reelbot.core.text.Msg;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Msg} in one text column: its key, then each argument with its type ({@code s} text, {@code n} whole
 * number, {@code d} duration, {@code t} instant), separated by the unit separator (U+001F), which
 * {@code PlainText} never lets into user text. A nested message is kept as its English text.
 */
final class StoredWords {
    private static final Logger log = LoggerFactory.getLogger(StoredWords.class);
    private static final char SEPARATOR = '\u001F';

    private StoredWords() {
    }

    static String encode(Msg words) {
        if (words == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(words.key());
        for (Object arg : words.args()) {
            text.append(SEPARATOR);
            if (arg instanceof Long || arg instanceof Integer) {
                text.append('n').append(arg);
            } else if (arg instanceof Duration d) {
                text.append('d').append(d);
            } else if (arg instanceof Instant i) {
                text.append('t').append(i);
            } else {
                text.append('s').append(String.valueOf(arg).replace(SEPARATOR, ' '));
            }
        }
        return text.toString();
    }

    /** The message, or {@code null} when there is none or it cannot be read (the English message then serves). */
    static Msg decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        List<Object> args = new ArrayList<>();
        try {
            for (int i = 1; i < parts.length; i++) {
                String value = parts[i].substring(1);
                args.add(switch (parts[i].charAt(0)) {
                    case 'n' -> Long.parseLong(value);
                    case 'd' -> Duration.parse(value);
                    case 't' -> Instant.parse(value);
                    default -> value;
                });
            }
        } catch (RuntimeException e) {
            log.warn("stored words {} cannot be read; the recorded message is shown instead", parts[0], e);
            return null;
        }
        return new Msg(parts[0], args);
    }
}
