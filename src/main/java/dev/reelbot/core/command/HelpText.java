package dev.reelbot.core.command;

import dev.reelbot.core.ModelSpec;
import java.util.List;

/** The help and model texts, generated from the same definitions the parser uses, so they never disagree. */
final class HelpText {
    private HelpText() {
    }

    static String help(CommandParser parser, String channel) {
        String cmd = parser.commandName();
        StringBuilder text = new StringBuilder();
        text.append("Make a video: ").append(cmd).append(" <what you want to see> [options]\n");
        text.append("Example: ").append(cmd).append(" a cat surfing at sunset --duration 8 --ar 16:9\n\n");
        text.append("Options (anywhere after the first word):\n");
        for (Flag flag : Flag.values()) {
            if (flag == Flag.COUNT && parser.limits().maxCount() == 1) {
                continue;
            }
            String usage = "  " + flag + " " + flag.valueHint();
            text.append(String.format("%-22s %s", usage, flag.description()));
            text.append(detail(flag, parser, channel)).append('\n');
        }
        text.append("\nMore: ").append(cmd).append(" models · ").append(cmd).append(" list · ").append(cmd)
                .append(" status <job> · ").append(cmd).append(" usage · ").append(cmd).append(" help\n");
        text.append("A prompt that starts with a command word (").append(String.join(", ", CommandWords.WORDS))
                .append(") goes in quotes: ").append(cmd).append(" \"list of cats\" --ar 16:9\n");
        text.append("Admins: ").append(cmd).append(" admin refunds · ").append(cmd)
                .append(" admin resolve <job> [note] · ").append(cmd).append(" admin usage [7d|30d|month] · ")
                .append(cmd).append(" admin bump <job>");
        return text.toString();
    }

    static String models(CommandParser parser, String channel) {
        List<String> offered = parser.limits().modelsFor(channel, parser.catalog());
        if (offered.isEmpty()) {
            return "No video models are offered in this channel.";
        }
        StringBuilder text = new StringBuilder("Models offered here (the first is the default):\n");
        for (String name : offered) {
            ModelSpec model = parser.catalog().specFor(name);
            text.append("• `").append(name).append("` ").append(model.description()).append(": ")
                    .append(RequestBuilder.orList(model.durations().stream().map(String::valueOf).toList()))
                    .append(" s; ")
                    .append(String.join(", ", model.sizes().stream().map(s -> s + " (" + AspectRatio.of(s) + ")")
                            .toList()))
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String detail(Flag flag, CommandParser parser, String channel) {
        List<String> offered = parser.limits().modelsFor(channel, parser.catalog());
        return switch (flag) {
            case MODEL -> offered.isEmpty() ? "" : ": " + String.join(", ", offered) + " (default " + offered.get(0)
                    + ")";
            case COUNT -> " (1 to " + parser.limits().maxCount() + ")";
            case DURATION -> offered.isEmpty() ? "" : " (" + offered.get(0) + ": " + RequestBuilder.orList(
                    parser.catalog().specFor(offered.get(0)).durations().stream().map(String::valueOf).toList())
                    + ")";
            default -> "";
        };
    }
}
