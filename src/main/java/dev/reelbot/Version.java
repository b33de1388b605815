package dev.reelbot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code --version} prints: the version and the git commit the jar was built from. The build writes both into
 * resources: the commit from the repository when there is one, else the one passed as {@code -Dreelbot.commit}
 * (the Docker build's context has no {@code .git}), else "unknown".
 */
final class Version implements CommandLine.IVersionProvider {
    static final String GIT_RESOURCE = "/reelbot-git.properties";
    static final String BUILD_RESOURCE = "/reelbot-build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {describe()};
    }

    /** "reelbot 0.1.0 (commit 1a2b3c4)"; "-dirty" marks a build with uncommitted changes. */
    static String describe() {
        Properties build = read(BUILD_RESOURCE);
        Properties git = read(GIT_RESOURCE);
        String version = build.getProperty("version", "");
        return "reelbot " + (version.isBlank() ? "(development build)" : version) + " (commit " + commit(git, build)
                + ")";
    }

    static String commit(Properties git, Properties build) {
        String fromGit = git.getProperty("git.commit.id.abbrev", "");
        if (!fromGit.isBlank()) {
            return fromGit + ("true".equals(git.getProperty("git.dirty")) ? "-dirty" : "");
        }
        String given = build.getProperty("commit", "").strip();
        return given.isEmpty() || given.startsWith("${") ? "unknown" : given;
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource + " from the jar", e);
        }
        return properties;
    }
}
