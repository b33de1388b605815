package dev.reelbot.core.command;

import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.job.JobIds;
import dev.reelbot.core.text.DidYouMean;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.PlainText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command words, reserved as the first word of a command: what follows one is that command's arguments, never
 * a prompt, so a mistyped command never starts a billed video. A near miss of a command word in a command's shape
 * ({@code stauts abc}, a lone {@code lsit}) gets "did you mean"; a prompt that really starts with a command word
 * is written in quotes.
 */
final class CommandWords {
    static final List<String> WORDS = List.of("help", "models", "list", "status", "usage", "admin");
    private static final List<String> ADMIN = List.of("refunds", "resolve", "usage", "bump");

    private final String cmd;

    /** @param cmd the command as users type it ({@code /video}), for the examples in messages */
    CommandWords(String cmd) {
        this.cmd = cmd;
    }

    /**
     * The command {@code text} is, or empty when it is a prompt.
     *
     * @throws CommandError for a command word with arguments it does not take, or a near miss of one
     */
    Optional<VideoCommand> parse(String text) throws CommandError {
        if (CommandText.startsWithQuote(text)) {
            return Optional.empty();
        }
        String[] words = text.strip().split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT);
        List<String> args = Arrays.asList(words).subList(1, words.length);
        if (first.equals("--help")) {
            return Optional.of(new VideoCommand.Help());
        }
        if (WORDS.contains(first)) {
            return Optional.of(command(first, args, text));
        }
        Optional<String> meant = DidYouMean.closest(first, WORDS, 1);
        if (meant.isPresent() && inItsShape(meant.get(), args)) {
            throw new CommandError(Msg.of("error.word.meant", PlainText.oneLine(words[0], 20),
                    new Msg.Cmd(cmd, meant.get()), quoteHint(text)));
        }
        return Optional.empty();
    }

    private VideoCommand command(String word, List<String> args, String text) throws CommandError {
        switch (word) {
            case "help":
                return new VideoCommand.Help();
            case "models":
                noArguments("models", args, text);
                return new VideoCommand.Models();
            case "list":
                noArguments("list", args, text);
                return new VideoCommand.ListJobs();
            case "usage":
                noArguments("usage", args, text);
                return new VideoCommand.Usage();
            case "status":
                if (args.isEmpty()) {
                    return new VideoCommand.ListJobs();
                }
                if (args.size() > 1) {
                    throw new CommandError(Msg.of("error.status.one-id", new Msg.Cmd(cmd, "status <job>"),
                            quoteHint(text)));
                }
                return new VideoCommand.Status(jobId(args.get(0), text));
            default:
                return admin(args, text);
        }
    }

    private VideoCommand admin(List<String> args, String text) throws CommandError {
        Msg list = Msg.of("error.admin.list", new Msg.Cmd(cmd, "admin refunds"),
                new Msg.Cmd(cmd, "admin resolve <job> [note]"), new Msg.Cmd(cmd, "admin usage ["
                + String.join("|", UsagePeriod.WORDS) + "]"), new Msg.Cmd(cmd, "admin bump <job>"));
        if (args.isEmpty()) {
            throw new CommandError(Msg.of("error.admin.which", list));
        }
        String sub = args.get(0).toLowerCase(Locale.ROOT);
        if (sub.equals("refunds")) {
            noArguments("admin refunds", args.subList(1, args.size()), text);
            return new VideoCommand.AdminRefunds();
        }
        if (sub.equals("resolve")) {
            if (args.size() < 2) {
                throw new CommandError(Msg.of("error.admin.which-job",
                        new Msg.Cmd(cmd, "admin resolve <job id> [note]")));
            }
            return new VideoCommand.AdminResolve(jobId(args.get(1), text),
                    PlainText.oneLine(String.join(" ", args.subList(2, args.size())), 300));
        }
        if (sub.equals("usage")) {
            if (args.size() > 2) {
                throw new CommandError(Msg.of("error.admin.usage-args", new Msg.Cmd(cmd, "admin usage ["
                        + String.join("|", UsagePeriod.WORDS) + "]")));
            }
            return new VideoCommand.AdminUsage(args.size() == 1 ? UsagePeriod.THIS_MONTH : period(args.get(1)));
        }
        if (sub.equals("bump")) {
            if (args.size() != 2) {
                throw new CommandError(Msg.of("error.admin.which-job", new Msg.Cmd(cmd, "admin bump <job id>")));
            }
            return new VideoCommand.AdminBump(jobId(args.get(1), text));
        }
        String typed = PlainText.oneLine(args.get(0), 20);
        throw new CommandError(DidYouMean.closest(sub, ADMIN, 2)
                .map(s -> Msg.of("error.admin.unknown-meant", typed, new Msg.Cmd(cmd, "admin " + s), list))
                .orElse(Msg.of("error.admin.unknown", typed, list)));
    }

    private static UsagePeriod period(String typed) throws CommandError {
        return UsagePeriod.parse(typed).orElseThrow(() -> new CommandError(Msg.of("error.period",
                PlainText.oneLine(typed, 20), String.join(", ", UsagePeriod.WORDS))));
    }

    private String jobId(String typed, String text) throws CommandError {
        if (!JobIds.looksLikeId(typed)) {
            throw new CommandError(Msg.of("error.job-id", PlainText.oneLine(typed, 20), new Msg.Cmd(cmd, "list"),
                    quoteHint(text)));
        }
        return typed.toLowerCase(Locale.ROOT);
    }

    private void noArguments(String command, List<String> args, String text) throws CommandError {
        if (!args.isEmpty()) {
            throw new CommandError(Msg.of("error.no-arguments", command, new Msg.Cmd(cmd, command),
                    quoteHint(text)));
        }
    }

    /**
     * Whether a near miss reads as a command rather than a prompt: a command word alone, or followed by what that
     * command takes (one word after {@code status}, an admin command after {@code admin}).
     */
    private static boolean inItsShape(String word, List<String> args) {
        return switch (word) {
            case "status" -> args.size() <= 1;
            case "admin" -> !args.isEmpty() && DidYouMean.closest(args.get(0), ADMIN, 2).isPresent();
            default -> args.isEmpty();
        };
    }

    private Msg quoteHint(String text) {
        return Msg.of("error.quote-hint", new Msg.Cmd(cmd, "\"" + PlainText.oneLine(text, 60) + "\""));
    }
}
