package dev.reelbot.discord;

import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.command.CommandParser;
import dev.reelbot.core.text.PlainText;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * The {@code model} option's completions: the models offered in the channel (the channel's own list, not every
 * configured model), each named with its description, those whose name or description holds what was typed first
 * by name. Discord shows at most 25, names and values of at most 100 characters.
 */
final class ModelChoices {
    static final int MAX = 25;
    private static final int NAME_CHARS = 100;

    private ModelChoices() {
    }

    static List<Command.Choice> of(CommandParser parser, String channel, String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return parser.limits().modelsFor(channel, parser.catalog()).stream()
                .map(name -> parser.catalog().specFor(name))
                .filter(model -> matches(model, wanted))
                .sorted((a, b) -> Boolean.compare(!starts(a, wanted), !starts(b, wanted)))
                .limit(MAX)
                .map(model -> new Command.Choice(PlainText.cap(model.name() + " — " + model.description(),
                        NAME_CHARS), model.name()))
                .toList();
    }

    private static boolean matches(ModelSpec model, String wanted) {
        return wanted.isEmpty() || model.name().toLowerCase(Locale.ROOT).contains(wanted)
                || model.description().toLowerCase(Locale.ROOT).contains(wanted);
    }

    private static boolean starts(ModelSpec model, String wanted) {
        return model.name().toLowerCase(Locale.ROOT).startsWith(wanted);
    }
}
