package dev.reelbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discord.shards} and {@code discord.standby-retry}: defaults, values, and mistakes named. */
class DiscordShardsConfigTest {
    private static final Map<String, String> KEY = Map.of("VIDEO_API_KEY", "sk-abcdefghijklmnop1234");
    private static final Map<String, String> ENV = Map.of("VIDEO_API_KEY", "sk-abcdefghijklmnop1234",
            "REELBOT_DISCORD_STANDBY_RETRY", "3s");

    @TempDir
    Path dir;

    private DiscordConfig load(String discordLines, Map<String, String> env) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "video-api:\n  base-url: https://a.example.com\ndiscord:\n" + discordLines);
        return ConfigLoader.load(file, env, true).discord();
    }

    @Test
    void oneShardAndAFiveSecondRetryByDefault() throws Exception {
        DiscordConfig discord = load("  enabled: false\n", KEY);
        assertThat(discord.shards()).isEqualTo(1);
        assertThat(discord.standbyRetry()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theShardCountAndTheRetryAreRead() throws Exception {
        DiscordConfig discord = load("  shards: 16\n", ENV);
        assertThat(discord.shards()).isEqualTo(16);
        assertThat(discord.standbyRetry()).as("from the environment").isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aShardCountThatIsNotAPositiveWholeNumberIsRefusedByName() {
        assertThatThrownBy(() -> load("  shards: 0\n", ENV)).hasMessageContaining("discord.shards")
                .hasMessageContaining("0 is outside 1..10000");
        assertThatThrownBy(() -> load("  shards: two\n", ENV)).hasMessageContaining("discord.shards")
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> load("  shards: 100000\n", ENV)).hasMessageContaining("discord.shards");
        assertThatThrownBy(() -> load("  standby-retry: 100ms\n", KEY)).hasMessageContaining("discord.standby-retry")
                .hasMessageContaining("shorter than the minimum");
    }
}
