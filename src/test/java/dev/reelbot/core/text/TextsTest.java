package dev.reelbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Languages are picked from platform locales; plurals, numbers, dates and lists are written each language's way. */
class TextsTest {
    private static final Texts EN = Texts.ENGLISH;
    private static final Texts ZH = Texts.in("zh-CN");
    private static final Texts ES = Texts.in("es-ES");

    @Test
    void aPlatformLocalePicksTheBotsLanguageAndAnUnknownOneIsEnglish() {
        assertThat(Languages.resolve("zh-CN")).isEqualTo("zh-CN");
        assertThat(Languages.resolve("zh-TW")).isEqualTo("zh-CN");
        assertThat(Languages.resolve("es-ES")).isEqualTo("es");
        assertThat(Languages.resolve("es-419")).isEqualTo("es");
        assertThat(Languages.resolve("es_MX")).isEqualTo("es");
        assertThat(Languages.resolve("en-GB")).isEqualTo("en");
        assertThat(Languages.resolve("pt-BR")).isEqualTo("en");
        assertThat(Languages.resolve("not a locale")).isEqualTo("en");
        assertThat(Languages.resolve(null)).isEqualTo("en");
    }

    @Test
    void theHostsLocaleNeverLeaksIn() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Texts.in("pt-BR").get("job.failed")).isEqualTo("❌ Failed");
            assertThat(Texts.in("fr").tag()).isEqualTo("en");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void pluralsFollowTheCount() {
        assertThat(EN.get("quota.concurrent", 1)).startsWith("You already have 1 video in progress");
        assertThat(EN.get("quota.concurrent", 2)).startsWith("You already have 2 videos in progress");
        assertThat(ES.get("quota.concurrent", 1)).startsWith("Ya tienes 1 vídeo en curso");
        assertThat(ES.get("quota.concurrent", 3)).startsWith("Ya tienes 3 vídeos en curso");
        assertThat(ZH.get("quota.concurrent", 3)).startsWith("你已有 3 个视频在生成");
        assertThat(EN.get("error.more-problems", 1)).isEqualTo("… and 1 more problem.");
        assertThat(EN.get("error.more-problems", 5)).isEqualTo("… and 5 more problems.");
        assertThat(EN.get("usage.line", 0, "0.00 USD", 0, 0, 0, "0.00 USD", 0, "0.00 USD")).startsWith("0 videos · ");
        assertThat(ES.get("usage.line", 1, "0.50 USD", 0, 0, 0, "0.00 USD", 0, "0.00 USD")).startsWith("1 vídeo · ");
    }

    @Test
    void numbersAreGroupedTheReadersWay() {
        assertThat(EN.get("error.prompt.too-long", 20_000, 1000))
                .contains("20,000 characters long; the limit is 1,000");
        // The JDK groups four digits too (CLDR's minimum grouping for Spanish would write 1000; see the README).
        assertThat(ES.get("error.prompt.too-long", 20_000, 1000)).contains("20.000 caracteres; el límite es 1.000");
        assertThat(ZH.get("error.prompt.too-long", 20_000, 1000)).contains("20,000 个字符；上限为 1,000");
    }

    @Test
    void momentsDurationsAndListsAreWrittenTheLanguagesWay() {
        Instant at = Instant.parse("2026-11-24T09:05:00Z");
        assertThat(EN.when(at)).isEqualTo("2026-11-24 09:05 UTC");
        assertThat(ZH.when(at)).isEqualTo("2026年11月24日 09:05 UTC");
        assertThat(ES.when(at)).isEqualTo("24/11/2026 09:05 UTC");
        Duration d = Duration.ofSeconds(185);
        assertThat(EN.duration(d)).isEqualTo("3m 05s");
        assertThat(ZH.duration(d)).isEqualTo("3分05秒");
        assertThat(ES.duration(d)).isEqualTo("3 min 05 s");
        assertThat(EN.duration(Duration.ofMinutes(62))).isEqualTo("1h 02m");
        assertThat(EN.orList(List.of("4", "8", "12"))).isEqualTo("4, 8 or 12");
        assertThat(ZH.orList(List.of("4", "8", "12"))).isEqualTo("4、8或12");
        assertThat(ES.orList(List.of("4", "8", "12"))).isEqualTo("4, 8 o 12");
    }

    @Test
    void placesInLineAndEstimates() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101).stream().map(EN::ordinal).toList())
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st");
        assertThat(ZH.get("job.waiting.place", ZH.ordinal(3))).isEqualTo("排在第3位");
        assertThat(ES.get("job.waiting.place", ES.ordinal(3))).isEqualTo("3.º en la cola");
        assertThat(EN.about(Duration.ofSeconds(90))).isEqualTo("about 2 min");
        assertThat(ZH.about(Duration.ofMinutes(75))).isEqualTo("约 1 小时 15 分钟");
        assertThat(ES.about(Duration.ofHours(2))).isEqualTo("unas 2 h");
    }

    @Test
    void nestedMessagesCommandsAndMomentsArePutInTheReadersLanguage() {
        Msg msg = Msg.of("error.duration", "sora-2", Msg.or(List.of("4", "8")), "5");
        assertThat(EN.get(msg)).isEqualTo("sora-2 makes videos of 4 or 8 seconds; --duration 5 is not one of them.");
        assertThat(ZH.get(msg)).isEqualTo("sora-2 可生成 4或8 秒的视频；--duration 5 不在其中。");
        assertThat(msg.toString()).isEqualTo(EN.get(msg));
        Msg daily = Msg.of("quota.daily", 20, Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(ES.get(daily)).endsWith("podrá empezar el 24/11/2026 12:00 UTC.");
        Msg list = Msg.of("reply.list.empty", new Msg.Cmd("/video", "a cat"));
        assertThat(EN.get(list)).isEqualTo("You have no videos yet. Try /video a cat.");
        Phrasing shouting = new Phrasing() {
            @Override
            public String command(String commandName, String use) {
                return "/VIDEO-" + use.toUpperCase(Locale.ROOT);
            }
        };
        assertThat(EN.phrasedFor(shouting).get(list)).isEqualTo("You have no videos yet. Try /VIDEO-A CAT.");
    }
}
