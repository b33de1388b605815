package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The jar's command line: help that wraps between words, a clear usage error, the version with its commit. */
class CommandLineTest {

    @Test
    void helpWrapsBetweenWordsAtEightyColumns() {
        CommandLine main = Main.commandLine().setUsageHelpAutoWidth(false).setUsageHelpWidth(80);
        for (CommandLine command : main.getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            String usage = oneLine(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
            assertThat(usage).as(spec.name()).contains(oneLine(String.join(" ", spec.usageMessage().description())));
            for (OptionSpec option : spec.options()) {
                String description = String.join(" ", option.description())
                        .replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue())).replace("%%", "%");
                assertThat(usage).as(spec.name() + " " + option.longestName()).contains(oneLine(description));
            }
        }
    }

    @Test
    void theSharedSimulatorOptionsKeepEachCommandsOwnDefault() {
        CommandLine main = Main.commandLine();
        main.parseArgs("demo");
        assertThat(((DemoCommand) main.getSubcommands().get("demo").getCommand()).jobSeconds.seconds).isEqualTo(10);
        main = Main.commandLine();
        main.parseArgs("simulate-api", "--chaos");
        SimulateApiCommand simulator = main.getSubcommands().get("simulate-api").getCommand();
        assertThat(simulator.jobSeconds.seconds).isEqualTo(10);
        assertThat(simulator.chaos.on).isTrue();
        main = Main.commandLine();
        main.parseArgs("bench", "--job-seconds", "7");
        BenchCommand bench = main.getSubcommands().get("bench").getCommand();
        assertThat(bench.jobSeconds.seconds).isEqualTo(7);
        assertThat(bench.chaos.on).isFalse();
        assertThat(Main.commandLine().getSubcommands().get("bench").getCommandSpec().findOption("--job-seconds")
                .defaultValueString()).isEqualTo("20");
    }

    @Test
    void benchWithNoJobsIsAUsageErrorNotNaN() {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err)).execute("bench", "--jobs", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("--jobs must be at least 1 (was 0)").doesNotContain("NaN");
    }

    @Test
    void versionNamesTheCommitTheBuildCameFrom() throws Exception {
        String expected = "unknown";
        if (Files.exists(Path.of(".git"))) {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=7", "HEAD").start();
            expected = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            git.waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(Version.describe()).startsWith("reelbot 0.1.0").endsWith("(commit " + expected + ")");
    }

    @Test
    void aCommitTheBuildDidNotFillInIsUnknown() {
        Properties build = new Properties();
        assertThat(Version.commit(build)).isEqualTo("unknown");
        build.setProperty("commit", "${reelbot.build.commit}");
        assertThat(Version.commit(build)).isEqualTo("unknown");
        build.setProperty("commit", "1a2b3c4");
        assertThat(Version.commit(build)).isEqualTo("1a2b3c4");
    }

    private static String oneLine(String text) {
        return text.replace("%n", " ").replaceAll("\\s+", " ").strip();
    }
}
