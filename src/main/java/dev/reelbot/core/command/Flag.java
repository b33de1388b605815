package dev.reelbot.core.command;

import dev.reelbot.core.text.DidYouMean;
import dev.reelbot.core.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of {@code /video}, as data: the parser reads them, the help text lists them, Discord registers them
 * as typed options. Written {@code --name value} or {@code --name=value}, anywhere after the prompt's first word.
 */
public enum Flag {
    MODEL("model", List.of("m"), "M"),
    DURATION("duration", List.of("seconds", "d"), "S"),
    SIZE("size", List.of("resolution"), "WxH"),
    ASPECT("ar", List.of("aspect"), "W:H"),
    FPS("fps", List.of(), "N"),
    SEED("seed", List.of(), "N"),
    COUNT("count", List.of("n"), "N"),
    NEGATIVE("neg", List.of("negative", "no"), "\"...\""),
    STYLE("style", List.of(), "S"),
    QUALITY("quality", List.of(), "Q"),
    IMAGE("image", List.of("img"), "URL");

    private final String name;
    private final List<String> aliases;
    private final String valueHint;

    Flag(String name, List<String> aliases, String valueHint) {
        this.name = name;
        this.aliases = aliases;
        this.valueHint = valueHint;
    }

    public String valueHint() {
        return valueHint;
    }

    /** What the option is for, in the language of {@code t} (help, Discord's option descriptions). */
    public String description(Texts t) {
        return t.get("flag." + name);
    }

    /** The option's name without dashes: {@code model}, {@code duration}. */
    public String optionName() {
        return name;
    }

    /** The flag a user typed ({@code model}, {@code m}, {@code negative} ...), in any case. */
    public static Optional<Flag> named(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        for (Flag flag : values()) {
            if (flag.name.equals(lower) || flag.aliases.contains(lower)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** The option a mistyped name most likely meant ({@code colour} is not one; {@code modle} means --model). */
    static Optional<Flag> closestTo(String typed) {
        List<String> names = new ArrayList<>();
        for (Flag flag : values()) {
            names.add(flag.name);
            flag.aliases.stream().filter(alias -> alias.length() > 1).forEach(names::add);
        }
        return DidYouMean.closest(typed, names, typed.length() <= 4 ? 1 : 2).flatMap(Flag::named);
    }

    @Override
    public String toString() {
        return "--" + name;
    }
}
