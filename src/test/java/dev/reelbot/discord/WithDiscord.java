package dev.reelbot.discord;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests that each need the default {@link DiscordHarness}: a fresh one per test, in its own directory. */
abstract class WithDiscord {
    @TempDir
    Path dir;
    DiscordHarness h;

    @BeforeEach
    void startDiscord() throws InterruptedException {
        h = new DiscordHarness(dir);
    }

    @AfterEach
    void stopDiscord() {
        h.close();
    }
}
