package dev.reelbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/compose.yaml} stays true to the bot: every reelbot instance's mounted config file and environment
 * load through the real config loader (unknown keys, unused {@code REELBOT_} overrides and unknown secrets fail),
 * the bucket and database it names are the ones the compose file creates, and every image is pinned.
 */
@SuppressWarnings("unchecked")
class DeployComposeTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final String CONFIG_IN_CONTAINER = "/app/config/reelbot.yaml";
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?([-?])([^}]*))?}");
    private static final Pattern EXACT_TAG = Pattern.compile("[a-z0-9./-]+:(\\d+\\.\\d+[A-Za-z0-9._-]*"
            + "|RELEASE\\.\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ)");

    private final Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml"));
    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose
            .get("services");

    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Map<String, Object>> reelbots() {
        Map<String, Map<String, Object>> bots = new HashMap<>();
        services.forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith("reelbot:")) {
                bots.put(name, service);
            }
        });
        return bots;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new HashMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of())).forEach((name, value) ->
                env.put(name, String.valueOf(value)));
        return env;
    }

    /** {@code text} with each variable as the operator's deploy/.env would give it: its default, else a long value. */
    private static String resolve(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = "-".equals(m.group(2)) ? m.group(3) : m.group(1).toLowerCase() + "-0123456789abcdef"
                    + "0123456789abcdef";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void everyInstanceLoadsItsMountedConfigAndEnvironmentThroughTheConfigLoader() {
        Set<String> secrets = new TreeSet<>(Arrays.asList(Secrets.NAMES.split(", ")));
        assertThat(reelbots()).hasSizeGreaterThanOrEqualTo(2);
        reelbots().forEach((name, service) -> {
            List<String> mounts = (List<String>) service.get("volumes");
            String mount = mounts.stream().filter(v -> v.split(":")[1].equals(CONFIG_IN_CONTAINER)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " mounts no config at " + CONFIG_IN_CONTAINER));
            Path file = DEPLOY.resolve(mount.split(":")[0]).normalize();
            Map<String, String> env = new HashMap<>();
            environment(service).forEach((variable, value) -> {
                assertThat(variable.startsWith("REELBOT_") || secrets.contains(variable))
                        .as(name + ": " + variable + " is neither a REELBOT_ override nor a secret the bot reads")
                        .isTrue();
                env.put(variable, resolve(value));
            });

            List<Problem> problems = new ArrayList<>();
            try {
                ConfigLoader.load(file, env, true);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            assertThat(problems).as(name + " with " + file).isEmpty();
        });
    }

    @Test
    void theBucketAndTheDatabaseTheBotUsesAreTheOnesTheComposeFileCreates() {
        Map<String, Object> config = yaml(DEPLOY.resolve("reelbot.yaml"));
        Map<String, Object> s3 = (Map<String, Object>) ((Map<String, Object>) config.get("media")).get("s3");
        Map<String, Object> store = (Map<String, Object>) config.get("store");
        Map<String, String> bucketStep = environment(services.get("minio-bucket"));
        Map<String, String> postgres = environment(services.get("postgres"));
        Map<String, String> bot = environment(reelbots().values().iterator().next());

        assertThat(s3.get("bucket")).isEqualTo(bucketStep.get("BUCKET"));
        assertThat(String.valueOf(s3.get("endpoint"))).startsWith("http://minio:9000");
        assertThat(services).containsKeys("minio", "postgres");
        assertThat(bucketStep.get("BOT_USER")).isEqualTo(bot.get("MEDIA_S3_ACCESS_KEY_ID"));
        assertThat(bucketStep.get("BOT_SECRET")).isEqualTo(bot.get("MEDIA_S3_SECRET_ACCESS_KEY"));
        assertThat(String.valueOf(store.get("url"))).isEqualTo("jdbc:postgresql://postgres:5432/"
                + postgres.get("POSTGRES_DB"));
        assertThat(store.get("user")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(bot.get("STORE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void everyImageIsPinnedToAnExactTagAndEveryRequiredVariableIsInTheEnvExample() throws Exception {
        services.forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            if (!service.containsKey("build")) {
                assertThat(image).as(name).matches(EXACT_TAG);
            }
        });
        String example = Files.readString(DEPLOY.resolve("env.example"));
        Matcher m = VARIABLE.matcher(Files.readString(DEPLOY.resolve("compose.yaml")));
        while (m.find()) {
            assertThat(example).as(m.group(1) + " is listed in deploy/env.example")
                    .containsPattern("(?m)^" + m.group(1) + "=");
        }
    }
}
