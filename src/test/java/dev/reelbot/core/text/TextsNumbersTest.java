package dev.reelbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Texts#get} writes numbers in plain slots itself (with one number format per thread, not one per number):
 * every text of every language, with numbers that take each plural branch and need grouping, reads exactly as the
 * JDK's {@link MessageFormat} writes it, and so does each text asked for again (kept when it has no arguments).
 */
class TextsNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_es", "_zh_CN"})
    void everyTextWithNumbersReadsAsMessageFormatWritesIt(String suffix) throws Exception {
        String tag = suffix.isEmpty() ? "en" : suffix.substring(1).replace('_', '-');
        Texts texts = Texts.in(tag);
        Locale locale = texts.locale();
        Properties bundle = BundlesTest.bundle(suffix);
        int checked = 0;
        for (String key : bundle.stringPropertyNames()) {
            String pattern = bundle.getProperty(key);
            for (long n : new long[] {0, 1, 2, 21, 1_234_567}) {
                Object[] args = {n, n + 1, n * 3, n, n};
                String expected = new MessageFormat(pattern, locale).format(args);
                assertThat(texts.get(key, args)).as("%s %s with %d", tag, key, n).isEqualTo(expected);
                assertThat(texts.get(key, args)).as("%s %s again", tag, key).isEqualTo(expected);
            }
            String bare = new MessageFormat(pattern, locale).format(new Object[0]);
            assertThat(texts.get(key)).as("%s %s without arguments", tag, key).isEqualTo(bare);
            assertThat(texts.get(key)).as("%s %s without arguments, again", tag, key).isEqualTo(bare);
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }
}
