package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo as a person sees it: the real process in a real terminal (tmux) at 80x24 and 200x50, three jobs and a
 * command half typed. Every screen captured while the jobs run holds only whole lines of known kinds (no debris of
 * an earlier redraw), each running job on one row with its progress, and the typed text intact on the last row.
 * Skipped when tmux is not installed ({@code .ci/run} installs it).
 */
class DemoInTmuxTest {
    private static final String LOG_LINE = "\\d{4}-\\d\\d-\\d\\dT\\S+ (WARN|ERROR) .*";
    private static final Pattern LIVE_ROW = Pattern.compile(
            "#general [a-z0-9]{8} (⏳ (Queued|Submitting)|🎬 Generating|📦 Almost done)( [▓░]{10} \\d{1,3}%)? · "
            + "(\\d+m )?\\d+s( · .*)?");
    private static final List<Pattern> KNOWN_LINES = List.of(LIVE_ROW,
            Pattern.compile("reelbot demo: .*"),
            Pattern.compile("> .*"),
            Pattern.compile("#general \\(to you\\) .*"),
            Pattern.compile("#(general|admin) msg \\S+ (posted|edited): .*"),
            Pattern.compile(LOG_LINE));
    private static final String TYPING = "/video a bird in flight";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "200, 50"})
    void threeJobsRedrawnInPlaceWhileACommandIsTyped(int columns, int rows) throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: the real-terminal demo test is skipped");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The class path goes in an argument file: on the command line it would pass tmux's limit on one message.
        Path classPath = Files.writeString(dir.resolve("classpath.args"), "-cp \""
                + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
        String demo = String.join(" ", java, quote("@" + classPath), "dev.reelbot.Main", "demo", "--job-seconds", "5",
                "--videos", quote(dir.resolve("videos").toString()));
        try {
            tmux("new-session", "-d", "-s", "demo", "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                    demo + "; echo EXIT=$?; sleep 120");
            awaitScreen(Duration.ofSeconds(30), "the demo starts",
                    screen -> screen.stream().anyMatch(l -> l.contains("Type /video")));
            for (String command : List.of("/video a cat surfing at sunset, golden light, 35mm film grain",
                    "/video 東京の夜景 🌃 a fox 🦊 in the neon rain [lost]", "/video a storm over the sea [fail]")) {
                type(command);
                tmux("send-keys", "-t", "demo", "Enter");
            }
            type(TYPING);
            // Keys reach the program in their own time (the machine may be busy): judge the screens once the three
            // commands are taken and the fourth is on the input line.
            awaitScreen(Duration.ofSeconds(30), "the typed command shows on the input line",
                    screen -> !screen.isEmpty() && screen.get(screen.size() - 1).equals("> " + TYPING));

            List<List<String>> captures = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<String> screen = screen();
                captures.add(screen);
                return screen.stream().filter(l -> l.contains(" edited: ✅ Video ready")
                        || l.contains(" edited: ❌ Failed")).count() == 3;
            });

            assertThat(captures.stream().filter(s -> s.stream().filter(l -> LIVE_ROW.matcher(l).matches())
                    .count() == 3))
                    .as("captures showing all three jobs running").isNotEmpty();
            for (List<String> screen : captures) {
                assertThat(screen.get(screen.size() - 1)).as("the typed command, on the last row")
                        .isEqualTo("> " + TYPING);
                assertThat(screen).as("every row is a whole line of a known kind").allMatch(DemoInTmuxTest::known);
                assertThat(screen.stream().filter(l -> LIVE_ROW.matcher(l).matches()).map(l -> l.split(" ")[1]))
                        .as("one row per running job").doesNotHaveDuplicates();
            }
            List<String> last = captures.get(captures.size() - 1);
            assertThat(last).noneMatch(l -> LIVE_ROW.matcher(l).matches());
            assertThat(last).filteredOn(l -> l.startsWith("#admin msg refund-")).hasSize(2);
            assertThat(last).as("the lost job's warnings, printed above the live region")
                    .anyMatch(l -> l.matches(LOG_LINE));

            tmux("send-keys", "-t", "demo", "Enter");
            tmux("send-keys", "-t", "demo", "C-d");
            awaitScreen(Duration.ofSeconds(60), "the demo ends with status 0 after Ctrl+D",
                    screen -> screen.contains("EXIT=0"));
        } finally {
            tmux("kill-server");
        }
    }

    /** Waits until the screen satisfies {@code done}; on a timeout the failure shows the last screen seen. */
    private void awaitScreen(Duration atMost, String what, Predicate<List<String>> done) throws Exception {
        List<String> last = new ArrayList<>();
        try {
            await().atMost(atMost).until(() -> {
                List<String> screen = screen();
                last.clear();
                last.addAll(screen);
                return done.test(screen);
            });
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(what + " (not within " + atMost + "); the last screen:\n"
                    + String.join("\n", last), timeout);
        }
    }

    private static boolean known(String line) {
        return line.isEmpty() || KNOWN_LINES.stream().anyMatch(p -> p.matcher(line).matches());
    }

    /** The scrollback and the screen, wrapped lines joined, trailing blank rows dropped. */
    private List<String> screen() throws IOException, InterruptedException {
        String capture = tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "demo");
        List<String> lines = new ArrayList<>(Arrays.stream(capture.split("\n"))
                .map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "demo", "-l", text);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        // A server of its own, its socket in the test's folder: nothing shared with other tmux users.
        List<String> command = new ArrayList<>(List.of("tmux", "-S", dir.resolve("tmux.sock").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
