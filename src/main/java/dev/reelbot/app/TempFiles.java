package dev.reelbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/** Removes a temporary directory the demo made. */
public final class TempFiles {
    private TempFiles() {
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(TempFiles.class).warn("could not remove {}: {}", dir, e.toString());
        }
    }
}
