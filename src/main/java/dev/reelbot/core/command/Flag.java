package dev.reelbot.core.command;

import dev.reelbot.core.text.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of {@code /video}, as data: the parser reads them, the help text lists them, Discord registers them
 * as typed options. Written {@code --name value} or {@code --name=value}, anywhere after the prompt's first word.
 */
public enum Flag {
    MODEL("model", List.of("m"), "M", "the model (see models)"),
    DURATION("duration", List.of("seconds", "d"), "S", "length in seconds"),
    SIZE("size", List.of("resolution"), "WxH", "resolution, e.g. 1280x720"),
    ASPECT("ar", List.of("aspect"), "W:H", "aspect ratio, e.g. 16:9 (picks a size the model offers)"),
    FPS("fps", List.of(), "N", "frames per second"),
    SEED("seed", List.of(), "N", "random seed, to reproduce a result"),
    COUNT("count", List.of("n"), "N", "how many videos"),
    NEGATIVE("neg", List.of("negative", "no"), "\"...\"", "what the video should not show"),
    STYLE("style", List.of(), "S", "a style the model understands"),
    QUALITY("quality", List.of(), "Q", "a quality level the model understands"),
    IMAGE("image", List.of("img"), "URL", "an https:// image to start from");

    private final String name;
    private final List<String> aliases;
    private final String valueHint;
    private final String description;

    Flag(String name, List<String> aliases, String valueHint, String description) {
        this.name = name;
        this.aliases = aliases;
        this.valueHint = valueHint;
        this.description = description;
    }

    public String valueHint() {
        return valueHint;
    }

    public String description() {
        return description;
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
