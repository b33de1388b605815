package dev.reelbot.core.command;

import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Texts;
import java.util.List;

/**
 * The help and model texts, generated from the same definitions the parser uses, so they never disagree; in the
 * asker's language, naming commands and options the way the asker's platform writes them.
 */
final class HelpText {
    private HelpText() {
    }

    static String help(CommandParser parser, String channel, Texts t) {
        String cmd = parser.commandName();
        StringBuilder text = new StringBuilder();
        text.append(t.get("help.make", new Msg.Cmd(cmd, t.get("help.make.what")))).append('\n');
        text.append(t.get("help.example", new Msg.Cmd(cmd, "a cat surfing at sunset --duration 8 --ar 16:9")))
                .append("\n\n");
        text.append(t.get("help.options")).append('\n');
        for (Flag flag : Flag.values()) {
            String usage = t.phrasing().option(flag.optionName(), flag.valueHint());
            if (flag == Flag.COUNT && parser.limits().maxCount() == 1 || usage == null) {
                continue;
            }
            String description = flag == Flag.IMAGE && t.phrasing().attachesImages() ? t.get("flag.image.attached")
                    : flag.description(t);
            text.append(String.format("%-22s %s", "  " + usage, description));
            text.append(detail(flag, parser, channel, t)).append('\n');
        }
        if (t.phrasing().attachesImages()) {
            text.append(t.get("help.inline-flags", Flag.FPS.toString(), Flag.STYLE.toString(),
                    Flag.QUALITY.toString())).append('\n');
        }
        text.append('\n').append(t.get("help.more", new Msg.Cmd(cmd, "models"), new Msg.Cmd(cmd, "list"),
                new Msg.Cmd(cmd, "status <job>"), new Msg.Cmd(cmd, "usage"), new Msg.Cmd(cmd, "help")))
                .append('\n');
        text.append(t.get("help.quotes", String.join(", ", CommandWords.WORDS),
                new Msg.Cmd(cmd, "\"list of cats\" --ar 16:9"))).append('\n');
        text.append(t.get("help.admins", new Msg.Cmd(cmd, "admin refunds"),
                new Msg.Cmd(cmd, "admin resolve <job> [note]"), new Msg.Cmd(cmd, "admin usage [7d|30d|month]"),
                new Msg.Cmd(cmd, "admin bump <job>")));
        return text.toString();
    }

    static String models(CommandParser parser, String channel, Texts t) {
        List<String> offered = parser.limits().modelsFor(channel, parser.catalog());
        if (offered.isEmpty()) {
            return t.get("models.none");
        }
        StringBuilder text = new StringBuilder(t.get("models.title")).append('\n');
        for (String name : offered) {
            ModelSpec model = parser.catalog().specFor(name);
            text.append(t.get("models.line", name, model.description(),
                    Msg.or(model.durations().stream().map(String::valueOf).toList()),
                    String.join(", ", model.sizes().stream().map(s -> s + " (" + AspectRatio.of(s) + ")").toList())))
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String detail(Flag flag, CommandParser parser, String channel, Texts t) {
        List<String> offered = parser.limits().modelsFor(channel, parser.catalog());
        return switch (flag) {
            case MODEL -> offered.isEmpty() ? "" : t.get("help.detail.model", String.join(", ", offered),
                    offered.get(0));
            case COUNT -> t.get("help.detail.count", parser.limits().maxCount());
            case DURATION -> offered.isEmpty() ? "" : t.get("help.detail.duration", offered.get(0), Msg.or(
                    parser.catalog().specFor(offered.get(0)).durations().stream().map(String::valueOf).toList()));
            default -> "";
        };
    }
}
