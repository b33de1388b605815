package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one job database would each post and deliver, and judge the other's jobs "outcome unknown": a
 * second {@code demo --db} on a database in use refuses to start, in one line naming the process that has it. A
 * database that cannot be opened at all is one line too, never a stack trace.
 */
class OneProcessPerDatabaseTest {
    @TempDir
    Path dir;

    private Process demo(Path db, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), "dev.reelbot.Main",
                "demo", "--db", db.toString(), "--videos", dir.resolve("videos").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    @Test
    void aSecondDemoOnTheSameDatabaseRefusesToStartNamingTheFirst() throws Exception {
        Path db = dir.resolve("same.db");
        Path firstOutput = dir.resolve("first.txt");
        Path secondOutput = dir.resolve("second.txt");
        Process first = demo(db, firstOutput);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(firstOutput).contains("jobs in " + db));

            Process second = demo(db, secondOutput);
            second.getOutputStream().close();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second one gives up at once").isTrue();

            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(Files.readString(secondOutput).strip()).isEqualTo("reelbot demo: the job database "
                    + db.toAbsolutePath() + " is in use by another reelbot (pid " + first.pid() + " on host "
                    + Files.readString(db.resolveSibling("same.db.lock")).split(" on host ")[1]
                    + "). Stop that one first, or give this one its own database (store.path; demo: --db).");
            assertThat(first.isAlive()).as("the first one goes on").isTrue();
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDemoOnAFileThatIsNotADatabaseSaysSoInOneLineAndExitsNonZero() throws Exception {
        Path db = Files.writeString(dir.resolve("notes.db"), "meeting notes, not a database\n".repeat(200));
        Path output = dir.resolve("output.txt");

        Process demo = demo(db, output);
        demo.getOutputStream().close();

        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(1);
        assertThat(Files.readString(output).strip()).startsWith("reelbot demo: cannot open the job database " + db
                + ": ").contains("not a database").doesNotContain("\n", "Exception");
    }
}
