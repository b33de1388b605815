package dev.reelbot.core.text;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Everything the bot says, in one language: patterns from the {@code messages/reelbot} bundles (JDK
 * {@link MessageFormat}, so numbers are grouped by locale and plurals are {@code choice} formats), moments and
 * durations written the way that language writes them. Immutable and thread-safe; one instance per language.
 */
public final class Texts {
    static final String BUNDLE = "messages.reelbot";
    /**
     * One immutable instance per language, read once from the jar's bundles (as ResourceBundle caches them): a
     * value, not a service, so sharing it needs no wiring.
     */
    private static final Map<String, Texts> BY_TAG = new ConcurrentHashMap<>();
    /**
     * The texts by the tags asked for ({@code en-US}, {@code zh_CN}): every message rendered asks for its requester's
     * language. Platforms send a few dozen tags; past {@link #MAX_ASKED} they are resolved each time.
     */
    private static final Map<String, Texts> BY_ASKED = new ConcurrentHashMap<>();
    private static final int MAX_ASKED = 1000;
    /** English, the base bundle: what logs and exception messages use. */
    public static final Texts ENGLISH = in(Languages.ENGLISH);

    private final String tag;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter when;
    private final Phrasing phrasing;
    /**
     * Each pattern parsed once (parsing builds its number formats, the costly part); a {@link MessageFormat} is not
     * thread-safe, so each use formats with a copy.
     */
    private final Map<String, Parsed> parsed;
    /** The text of each key used without arguments: the same every time. */
    private final Map<String, String> constants;
    /**
     * This language's number format, one per thread (it is not thread-safe): {@link MessageFormat} makes a new one
     * for every number it puts in a plain {@code {0}}, which was most of the cost of a text with numbers.
     */
    private final ThreadLocal<NumberFormat> numbers;

    private Texts(String tag) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(tag);
        // No fallback to the JVM's default locale: a language the bot lacks is English, whatever the host is.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.when = DateTimeFormatter.ofPattern(bundle.getString("format.when"), locale).withZone(ZoneOffset.UTC);
        this.phrasing = Phrasing.TYPED;
        this.parsed = new ConcurrentHashMap<>();
        this.constants = new ConcurrentHashMap<>();
        this.numbers = ThreadLocal.withInitial(() -> NumberFormat.getInstance(locale));
    }

    private Texts(Texts language, Phrasing phrasing) {
        this.tag = language.tag;
        this.locale = language.locale;
        this.bundle = language.bundle;
        this.when = language.when;
        this.phrasing = phrasing;
        this.parsed = language.parsed;
        this.constants = language.constants;
        this.numbers = language.numbers;
    }

    /** The same language, naming commands and options the way {@code platform} writes them. */
    public Texts phrasedFor(Phrasing platform) {
        return platform == phrasing ? this : new Texts(this, platform);
    }

    /** How commands and options are written for the reader. */
    public Phrasing phrasing() {
        return phrasing;
    }

    /** The texts of the bot's language for a locale tag (see {@link Languages#resolve}). */
    public static Texts in(String localeTag) {
        Texts known = localeTag == null ? null : BY_ASKED.get(localeTag);
        if (known != null) {
            return known;
        }
        Texts texts = BY_TAG.computeIfAbsent(Languages.resolve(localeTag), Texts::new);
        if (localeTag != null && BY_ASKED.size() < MAX_ASKED) {
            BY_ASKED.put(localeTag, texts);
        }
        return texts;
    }

    /** The language's tag: {@code en}, {@code zh-CN}, {@code es}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Whether the bundles have {@code key} (a key stored by another version of the bot may be gone). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key} with its arguments; {@link Msg} arguments are put into this language first. */
    public String get(String key, Object... args) {
        if (args.length == 0) {
            String constant = constants.get(key);
            if (constant != null) {
                return constant;
            }
        }
        Parsed pattern = parsed.computeIfAbsent(key, k -> Parsed.of(bundle.getString(k), locale));
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object value = word(args[i]);
            values[i] = value instanceof Number number && pattern.plain(i) ? numbers.get().format(number) : value;
        }
        String text = ((MessageFormat) pattern.format().clone()).format(values);
        if (args.length == 0) {
            constants.put(key, text);
        }
        return text;
    }

    /**
     * A parsed pattern, and which arguments it puts only in plain {@code {n}} slots (no format of their own, nowhere in
     * the pattern, choice formats' inner patterns included): a number there is written with the language's number
     * format, as {@link MessageFormat} would, so it may be written before.
     */
    private record Parsed(MessageFormat format, boolean[] plainSlots) {
        static Parsed of(String text, Locale locale) {
            MessageFormat format = new MessageFormat(text, locale);
            Format[] byArgument = format.getFormatsByArgumentIndex();
            boolean[] plain = new boolean[byArgument.length];
            for (int i = 0; i < byArgument.length; i++) {
                plain[i] = byArgument[i] == null
                        && !Pattern.compile("\\{\\s*" + i + "\\s*,").matcher(text).find();
            }
            return new Parsed(format, plain);
        }

        boolean plain(int i) {
            return i < plainSlots.length && plainSlots[i];
        }
    }

    private Object word(Object arg) {
        if (arg instanceof Msg msg) {
            return get(msg);
        }
        if (arg instanceof Msg.Or or) {
            return orList(or.items());
        }
        if (arg instanceof Msg.Cmd cmd) {
            return phrasing.command(cmd.commandName(), cmd.use());
        }
        if (arg instanceof Instant instant) {
            return when(instant);
        }
        if (arg instanceof Duration duration) {
            return duration(duration);
        }
        return arg;
    }

    public String get(Msg msg) {
        return get(msg.key(), msg.args().toArray());
    }

    /** Several messages, each on its own line. */
    public String lines(List<Msg> msgs) {
        return String.join("\n", msgs.stream().map(this::get).toList());
    }

    /** "2026-11-24 12:00 UTC" in English, "2026年11月24日 12:00 UTC" in Chinese. */
    public String when(Instant instant) {
        return when.format(instant);
    }

    /** "45s", "3m 05s", "1h 02m" in English; each language's units. A negative duration is zero. */
    public String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return get("format.seconds", seconds);
        }
        if (seconds < 3600) {
            return seconds % 60 == 0 ? get("format.minutes", seconds / 60)
                    : get("format.minutes-seconds", seconds / 60, seconds % 60);
        }
        long minutes = seconds % 3600 / 60;
        return minutes == 0 ? get("format.hours", seconds / 3600)
                : get("format.hours-minutes", seconds / 3600, minutes);
    }

    /** "3rd" in English, "第3" in Chinese, "3.º" in Spanish: a place in line. */
    public String ordinal(int n) {
        int lastTwo = Math.abs(n) % 100;
        // English picks its suffix by the last digit (11th to 13th aside); the other languages ignore the hint.
        int suffix = lastTwo >= 11 && lastTwo <= 13 ? 0 : Math.abs(n) % 10;
        return get("format.ordinal", n, suffix);
    }

    /** "about 2 min", "about 1 h 15 min": an estimate in whole minutes (at least one). */
    public String about(Duration estimate) {
        long minutes = Math.max(1, (estimate.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return get("format.about-minutes", minutes);
        }
        return minutes % 60 == 0 ? get("format.about-hours", minutes / 60)
                : get("format.about-hours-minutes", minutes / 60, minutes % 60);
    }

    /** "a, b or c" in this language. */
    public String orList(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return get("format.or-list", String.join(get("format.list-separator"), items.subList(0, items.size() - 1)),
                items.get(items.size() - 1));
    }
}
