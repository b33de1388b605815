package dev.reelbot.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes asked for with an HTTP {@code Range} header (RFC 9110): {@code bytes=0-99}, {@code bytes=100-}
 * or the last bytes, {@code bytes=-500}. Several ranges in one header, or one written any other way, are ignored
 * (the whole file is sent), which the RFC allows; browsers and Discord's player ask for one range at a time.
 *
 * @param first the first byte
 * @param last  the last byte, inclusive
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    long length() {
        return last - first + 1;
    }

    /** "bytes 0-99/1000", for {@code Content-Range}. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What a {@code Range} header asks of a file of {@code size} bytes. */
    sealed interface Asked {
    }

    /** No usable range: send the whole file. */
    record Whole() implements Asked {
    }

    /** A range that lies (at least partly) inside the file, clipped to it. */
    record Part(ByteRange range) implements Asked {
    }

    /** A range that starts past the end of the file: 416. */
    record Unsatisfiable() implements Asked {
    }

    static Asked parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new Whole();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        Optional<Long> last = m.group(2).isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(m.group(2)));
        if (last.isPresent() && last.get() < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(first, Math.min(size - 1, last.orElse(size - 1))));
    }
}
