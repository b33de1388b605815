package dev.reelbot.core.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests that each need the default {@link EngineHarness}: a fresh one per test, in its own directory. */
abstract class WithEngine {
    @TempDir
    Path dir;
    EngineHarness h;

    @BeforeEach
    void startEngine() {
        h = new EngineHarness(dir);
    }

    @AfterEach
    void stopEngine() {
        h.close();
    }
}
