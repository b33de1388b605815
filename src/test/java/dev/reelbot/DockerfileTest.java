package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The image, checked by reading its Dockerfile (no Docker engine is needed): pinned base images, the wrapper's
 * build with a dependency layer that is complete, a non-root user, liveness as the health check, a small context.
 */
class DockerfileTest {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    private final String dockerfile = read("Dockerfile");
    /** The instructions of the last stage: what the running image is. */
    private final String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBaseImageIsPinnedToAnExactVersion() {
        Matcher from = FROM.matcher(dockerfile);
        int images = 0;
        while (from.find()) {
            images++;
            assertThat(from.group(1)).as("a full version (x.y.z) or a digest, never a moving tag")
                    .matches(".+(:[^:]*\\d+\\.\\d+\\.\\d+[^:]*|@sha256:[0-9a-f]{64})");
        }
        assertThat(images).isEqualTo(2);
    }

    @Test
    void theJarIsBuiltWithTheWrapperAndTheDependencyLayerHoldsEverythingTheBuildUses() {
        int pomOnly = dockerfile.indexOf("COPY mvnw pom.xml");
        int layer = dockerfile.indexOf("RUN ./mvnw -B -q package -DskipTests");
        int sources = dockerfile.indexOf("COPY src ");
        int offline = dockerfile.indexOf("RUN ./mvnw -B -q -o package");
        assertThat(List.of(pomOnly, layer, sources, offline)).as("pom, packaged alone, then sources, built offline")
                .doesNotContain(-1).isSorted();
        assertThat(dockerfile).doesNotContain("RUN mvn ");
    }

    @Test
    void theBotRunsAsAnUnprivilegedUser() {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).isNotIn("root", "0", "0:0");
        assertThat(runtime.indexOf("USER ")).isLessThan(runtime.indexOf("ENTRYPOINT"));
    }

    @Test
    void theHealthCheckIsLivenessSoAnApiOutageNeverRestartsTheContainer() {
        Matcher check = Pattern.compile("(?ms)^HEALTHCHECK .*?CMD (.*?)$").matcher(runtime);
        assertThat(check.find()).isTrue();
        assertThat(check.group(1)).contains("/livez").doesNotContain("/healthz").doesNotContain("/readyz");
    }

    /** Runs once delivery can call ffmpeg (its config documents {@code delivery.ffmpeg}). */
    @Test
    void ffmpegIsInTheImageWhenDeliveryUsesIt() {
        Assumptions.assumeTrue(read("config/reelbot.example.yaml").contains("ffmpeg"),
                "delivery does not use ffmpeg (no delivery.ffmpeg in the example config): nothing to install");
        Matcher install = Pattern.compile("(?m)^RUN apt-get update(?:.*\\\\\\n)*.*$").matcher(runtime);
        assertThat(install.find()).isTrue();
        assertThat(install.group()).containsPattern("apt-get install [^&]*\\bffmpeg\\b");
    }

    @Test
    void theBuildContextLeavesOutEverythingButWhatTheBuildNeeds() {
        List<String> rules = Arrays.stream(read(".dockerignore").split("\n")).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(rules.get(0)).as("everything is left out unless named").isEqualTo("*");
        List<String> kept = rules.subList(1, rules.size());
        assertThat(kept).containsExactlyInAnyOrder("!.mvn/", "!mvnw", "!pom.xml", "!src/",
                "!config/reelbot.example.yaml", "!config/slack-app-manifest.yaml");
        List<String> copied = Pattern.compile("(?m)^COPY (?!--from)(.+)$").matcher(dockerfile).results()
                .flatMap(m -> {
                    List<String> words = List.of(m.group(1).split("\\s+"));
                    return words.subList(0, words.size() - 1).stream();
                }).toList();
        assertThat(copied).as("every file the Dockerfile copies is in the context").hasSizeGreaterThan(4)
                .allMatch(source -> kept.stream().map(r -> r.substring(1))
                        .anyMatch(path -> (source + "/").startsWith(path) || source.startsWith(path)));
    }
}
