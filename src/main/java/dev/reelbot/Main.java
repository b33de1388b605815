package dev.reelbot;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reelbot} command line: one jar, one command per way to run the bot. */
@Command(name = "reelbot",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A Slack and Discord bot that turns /video prompts into generated videos.",
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                SimulateApiCommand.class,
                CheckConfigCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand; help is as wide as the terminal and wraps at word boundaries. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setUsageHelpAutoWidth(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
