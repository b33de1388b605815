package dev.reelbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code store.*}: SQLite by default or by path, PostgreSQL by URL, its password only from the environment. */
class StoreConfigTest {
    private static final Map<String, String> KEY = Map.of("VIDEO_API_KEY", "sk-abcdefghijklmnop1234");

    @TempDir
    Path dir;

    private ReelbotConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "video-api:\n  base-url: https://a.example.com\n" + yaml);
        return ConfigLoader.load(file, env, true);
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> env = new HashMap<>(KEY);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void sqliteIsTheDefaultAndStorePathItsShorthand() throws Exception {
        StoreConfig defaults = load("", KEY).store();
        assertThat(defaults.url()).isEqualTo("jdbc:sqlite:data/reelbot.db");
        assertThat(defaults.shared()).isFalse();
        assertThat(defaults.path()).isEqualTo(Path.of("data/reelbot.db"));
        assertThat(defaults.leaseTtl()).isEqualTo(Duration.ofSeconds(15));

        assertThat(load("store:\n  path: /var/lib/r/jobs.db\n", KEY).store().url())
                .isEqualTo("jdbc:sqlite:/var/lib/r/jobs.db");
        assertThat(load("store:\n  url: jdbc:sqlite:/srv/jobs.db\n", KEY).store().path())
                .isEqualTo(Path.of("/srv/jobs.db"));
    }

    @Test
    void postgresqlByUrlWithItsUserAndThePasswordFromTheEnvironment() throws Exception {
        StoreConfig store = load("store:\n  url: jdbc:postgresql://db:5432/reelbot\n  user: bot\n"
                + "  lease-ttl: 20s\n", with("STORE_PASSWORD", "pg-secret-password-1234")).store();

        assertThat(store.shared()).isTrue();
        assertThat(store.user()).contains("bot");
        assertThat(store.password().orElseThrow().reveal()).isEqualTo("pg-secret-password-1234");
        assertThat(store.password().orElseThrow().toString()).doesNotContain("pg-secret");
        assertThat(store.leaseTtl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(store.describe()).isEqualTo("PostgreSQL //db:5432/reelbot as bot");

        StoreConfig fromEnv = load("", with("REELBOT_STORE_URL", "jdbc:postgresql://db/reelbot",
                "REELBOT_STORE_USER", "bot", "REELBOT_TEST_POSTGRES_URL", "the test suite's, not the bot's")).store();
        assertThat(fromEnv.shared()).isTrue();
        assertThat(fromEnv.password()).isEmpty();
    }

    @Test
    void mistakesAreNamedWithWhatToDo() {
        assertThatThrownBy(() -> load("store:\n  url: jdbc:postgresql://db/reelbot?password=hunter2\n", KEY))
                .hasMessageContaining("store.url").hasMessageContaining("STORE_PASSWORD")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> load("store:\n  url: jdbc:postgresql://db/reelbot\n  path: x.db\n", KEY))
                .hasMessageContaining("store.path").hasMessageContaining("remove store.path");
        assertThatThrownBy(() -> load("store:\n  url: jdbc:mysql://db/reelbot\n", KEY))
                .hasMessageContaining("neither jdbc:sqlite:<file> nor jdbc:postgresql://");
        assertThatThrownBy(() -> load("store:\n  url: jdbc:sqlite:a.db\n  path: b.db\n", KEY))
                .hasMessageContaining("set only one of them");
        assertThatThrownBy(() -> load("store:\n  password: hunter2\n", KEY))
                .hasMessageContaining("secrets are never read from the file").hasMessageContaining("STORE_PASSWORD")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> load("store:\n  lease-ttl: 10ms\n", KEY)).hasMessageContaining("store.lease-ttl");
    }
}
