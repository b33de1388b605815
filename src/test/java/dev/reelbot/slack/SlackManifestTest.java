package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped app manifest declares what the Slack adapter registers: shortcuts, the home event, the scopes. */
class SlackManifestTest {
    @Test
    void theManifestDeclaresTheShortcutsTheHomeAndTheScopesTheBotUses() throws Exception {
        JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("config/slack-app-manifest.yaml")
                .toFile());

        List<String> shortcuts = new ArrayList<>();
        manifest.path("features").path("shortcuts").forEach(s -> shortcuts.add(s.path("type").asText() + ":"
                + s.path("callback_id").asText()));
        assertThat(shortcuts).containsExactlyInAnyOrder("global:" + SlackForms.SHORTCUT,
                "message:" + SlackForms.ANIMATE);
        assertThat(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean()).isTrue();
        assertThat(manifest.path("settings").path("event_subscriptions").path("bot_events").toString())
                .contains("app_home_opened");
        assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
        assertThat(manifest.path("oauth_config").path("scopes").path("bot").toString()).contains("\"files:read\"")
                .contains("\"files:write\"").contains("\"commands\"");
    }
}
