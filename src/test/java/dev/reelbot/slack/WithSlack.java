package dev.reelbot.slack;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests that each need a {@link SlackHarness} in HTTP mode: a fresh one per test, in its own directory. */
abstract class WithSlack {
    @TempDir
    Path dir;
    SlackHarness h;

    @BeforeEach
    void startSlack() throws Exception {
        h = new SlackHarness(dir, false, 45);
    }

    @AfterEach
    void stopSlack() throws Exception {
        h.close();
    }
}
