package dev.reelbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message bundles are complete: every language has every key of the English base bundle and no other, with the
 * same arguments; every pattern is a valid {@link MessageFormat} with no stray quote (a lone {@code '} silently
 * swallows the rest of a text); and every key the code names exists.
 */
class BundlesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** A key as the code writes it: a quoted dotted name under one of the bundles' sections. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:view|job|settings|failure|notice|details|"
            + "link|status|reply|admin|quota|refunds|error|help|models|flag|discord|format|slack|delivery|console|upload|queue|budget|usage|period)"
            + "\\.[a-z0-9.\\-]+)\"");

    static Properties bundle(String suffix) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/messages/reelbot" + suffix + ".properties")) {
            assertThat(in).as("bundle reelbot%s", suffix).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_zh_CN", "_es"})
    void everyLanguageHasEveryKeyAndTheSameArguments(String suffix) throws IOException {
        Properties english = bundle("");
        Properties other = bundle(suffix);
        assertThat(new TreeSet<>(other.stringPropertyNames())).as("keys of reelbot%s", suffix)
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertThat(arguments(other.getProperty(key))).as("arguments of %s in reelbot%s", key, suffix)
                    .isEqualTo(arguments(english.getProperty(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_zh_CN", "_es"})
    void everyPatternIsValidWithNoStrayQuote(String suffix) throws IOException {
        Properties texts = bundle(suffix);
        for (String key : texts.stringPropertyNames()) {
            String pattern = texts.getProperty(key);
            assertThat(pattern).as("%s in reelbot%s", key, suffix).isNotBlank();
            if (key.startsWith("format.when")) {
                continue;
            }
            new MessageFormat(pattern);
            assertThat(pattern.replace("''", "")).as("%s in reelbot%s: write a quote as ''", key, suffix)
                    .doesNotContain("'");
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties english = bundle("");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("keys named in the code").hasSizeGreaterThan(100);
        assertThat(english.stringPropertyNames()).as("the English bundle").containsAll(named);
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
