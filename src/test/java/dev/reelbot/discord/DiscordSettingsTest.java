package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.Secret;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    private static final Secret TOKEN = Secret.of("a-token-long-enough-to-mask");

    @Test
    void defaultsAreDiscordsOwnEndpointsAndTenMebibytes() {
        DiscordSettings settings = DiscordSettings.defaults(TOKEN, "555555555555555555");

        assertThat(settings.apiBaseUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(settings.gatewayUrl()).isEqualTo("wss://gateway.discord.gg");
        assertThat(settings.defaultUploadLimit()).isEqualTo(10L * 1024 * 1024);
        assertThat(settings.commandGuildIds()).isEmpty();
        assertThat(settings.toString()).doesNotContain("a-token-long-enough-to-mask");
    }

    @Test
    void theApiUrlGetsItsTrailingSlashAndIdsMustBeSnowflakes() {
        DiscordSettings settings = DiscordSettings.defaults(TOKEN, "5")
                .withEndpoints("http://127.0.0.1:9/api/v10", "ws://127.0.0.1:9/gateway");

        assertThat(settings.apiBaseUrl()).isEqualTo("http://127.0.0.1:9/api/v10/");
        assertThatThrownBy(() -> settings.withCommandGuilds(List.of("my-guild")))
                .hasMessageContaining("commandGuildIds");
        assertThatThrownBy(() -> settings.withAdmins(Set.of(), Set.of("@admins"))).hasMessageContaining("adminRoleIds");
        assertThatThrownBy(() -> settings.withEndpoints("discord.com", "wss://x")).hasMessageContaining("apiBaseUrl");
        assertThatThrownBy(() -> settings.withDefaultUploadLimit(0)).hasMessageContaining("defaultUploadLimit");
    }

    @Test
    void theInviteAsksForTheTwoScopesAndFivePermissions() {
        long expected = (1L << 10) + (1L << 11) + (1L << 14) + (1L << 15) + (1L << 16);

        assertThat(expected).isEqualTo(117_760L);
        assertThat(Permission.getRaw(DiscordInvite.PERMISSIONS)).isEqualTo(expected);
        assertThat(DiscordInvite.url("222")).isEqualTo("https://discord.com/oauth2/authorize?client_id=222"
                + "&scope=bot+applications.commands&permissions=117760");
    }
}
