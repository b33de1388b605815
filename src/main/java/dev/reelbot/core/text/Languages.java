package dev.reelbot.core.text;

import java.util.List;
import java.util.Locale;

/**
 * The languages the bot speaks, and which of them a platform's locale tag ({@code zh-CN}, {@code es-419},
 * {@code en-GB}) gets: its language if the bot has it, else English. Every Chinese tag gets Simplified Chinese
 * (Traditional readers read it; English would serve them worse).
 */
public final class Languages {
    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh-CN";
    public static final String SPANISH = "es";
    /** Every language with a complete bundle, English (the base bundle) first. */
    public static final List<String> ALL = List.of(ENGLISH, CHINESE, SPANISH);

    private Languages() {
    }

    /** The bot's language for a locale tag ({@code -} or {@code _} separated, any case); English when unknown. */
    public static String resolve(String tag) {
        if (tag == null || tag.isBlank()) {
            return ENGLISH;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "zh" -> CHINESE;
            case "es" -> SPANISH;
            default -> ENGLISH;
        };
    }
}
