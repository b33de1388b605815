package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} refusing to start says why in one line, and what to change: no stack trace. */
class RunStartupTest {
    private static final Map<String, String> ENV = Map.of("VIDEO_API_KEY", "sim-key");

    @TempDir
    Path dir;

    private Path config(String sections) throws Exception {
        return Files.writeString(dir.resolve("reelbot.yaml"), """
                video-api:
                  base-url: http://127.0.0.1:9/v1
                store:
                  path: %s
                media:
                  dir: %s
                """.formatted(dir.resolve("jobs.db"), dir.resolve("media")) + sections);
    }

    /** Runs {@code run} and returns what it printed on stderr; {@code code[0]} gets the exit code. */
    private static String run(Path config, int[] code) throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code[0] = new RunCommandAccess(config, ENV).call();
        } finally {
            System.setErr(before);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPortInUseIsOneLineNamingThePortAndTheKeyToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            int[] code = new int[1];

            String err = run(config("server:\n  host: 127.0.0.1\n  port: " + port
                    + "\nconsole:\n  enabled: true\n"), code);

            assertThat(code[0]).isEqualTo(1);
            assertThat(err.lines()).containsExactly("Cannot listen on 127.0.0.1:" + port + " (Address already in "
                    + "use): set server.port (or REELBOT_SERVER_PORT) to a free port, or stop what is using port "
                    + port + ".");
        }
    }

    @Test
    void nothingEnabledIsRefusedWithTheSameWordsCheckConfigWarnsWith() throws Exception {
        Path config = config("");
        int[] code = new int[1];

        String err = run(config, code);

        assertThat(code[0]).isEqualTo(1);
        assertThat(err.lines()).containsExactly("Nothing to run with " + config + ": run would do nothing: enable "
                + "slack, discord or console (e.g. slack.enabled: true, or REELBOT_SLACK_ENABLED=true).");
    }
}
