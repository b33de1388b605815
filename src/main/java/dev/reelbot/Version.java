package dev.reelbot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code --version} prints: the version and the git commit the jar was built from, both written into a
 * resource by the build (the commit asked of git; where there is no {@code .git}, as in the Docker build's context,
 * the one passed as {@code -Dreelbot.commit}, else "unknown").
 */
final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/reelbot-build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {describe()};
    }

    /** "reelbot 0.1.0 (commit 1a2b3c4)". */
    static String describe() {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE + " from the jar", e);
        }
        String version = build.getProperty("version", "");
        return "reelbot " + (version.isBlank() ? "(development build)" : version) + " (commit " + commit(build) + ")";
    }

    /** The commit the build recorded; a value the build did not fill in (run from an IDE) is "unknown". */
    static String commit(Properties build) {
        String commit = build.getProperty("commit", "").strip();
        return commit.isEmpty() || commit.startsWith("${") ? "unknown" : commit;
    }
}
