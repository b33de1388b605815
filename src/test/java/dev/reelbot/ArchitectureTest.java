package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout of design.md true: {@code core} uses the JDK and slf4j only, so the engine never depends on a
 * platform or library; adapters do not reach into each other; the simulator stands apart from the bot.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/reelbot");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    /** A fully qualified name written inline, which an import check alone would miss. */
    private static final Pattern INLINE = Pattern.compile(
            "(?<![\\w.])((?:com|org|io|net|okhttp3|okio|picocli|kotlin|jakarta|javax)\\.[A-Za-z][\\w.]*)");

    @Test
    void coreImportsOnlyTheJdkAndSlf4j() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles("core")) {
            String source = Files.readString(file);
            for (String name : referencedNames(source)) {
                boolean allowed = name.startsWith("java.") || name.startsWith("org.slf4j.")
                        || name.startsWith("dev.reelbot.core.");
                if (!allowed) {
                    offenders.add(file.getFileName() + " uses " + name);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckSeesImportsAndInlineNamesButNotCommentsOrStrings() throws IOException {
        assertThat(javaFiles("core")).hasSizeGreaterThan(5);
        String sample = "import java.util.List;\nimport static org.slf4j.LoggerFactory.getLogger;\n"
                + "class X { okhttp3.HttpUrl u; com.fasterxml.jackson.databind.JsonNode n;\n"
                + "// io.javalin.Javalin in a comment\n String s = \"net.dv8tion.JDA\"; }";
        assertThat(referencedNames(sample)).containsExactly("java.util.List", "org.slf4j.LoggerFactory.getLogger",
                "okhttp3.HttpUrl", "com.fasterxml.jackson.databind.JsonNode");
    }

    @Test
    void simulatorDoesNotDependOnTheBot() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles("simulator")) {
            for (String name : referencedNames(Files.readString(file))) {
                if (name.startsWith("dev.reelbot.") && !name.startsWith("dev.reelbot.simulator.")) {
                    offenders.add(file.getFileName() + " uses " + name);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyMainAndTheWebLayerSeeMoreThanOneAdapter() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<String> adapters = List.of("slack", "discord", "console");
        for (String adapter : adapters) {
            for (Path file : javaFiles(adapter)) {
                for (String name : referencedNames(Files.readString(file))) {
                    for (String other : adapters) {
                        if (!other.equals(adapter) && name.startsWith("dev.reelbot." + other + ".")) {
                            offenders.add(file.getFileName() + " uses " + name);
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void noFileIsOverThreeHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > 300) {
                    tooLong.add(file + " has " + lines + " lines");
                }
            }
        }
        assertThat(tooLong).isEmpty();
    }

    private static List<String> referencedNames(String source) {
        List<String> names = new ArrayList<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            names.add(imports.group(1));
        }
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("(?m)" + IMPORT.pattern() + ".*", "");
        Matcher inline = INLINE.matcher(code);
        while (inline.find()) {
            names.add(inline.group(1));
        }
        return names;
    }

    private static List<Path> javaFiles(String pkg) throws IOException {
        Path dir = MAIN.resolve(pkg);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
