package dev.reelbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code media.s3}: a bucket selects the shared store; every mistake is named with what to do. */
class S3MediaConfigTest {
    private static final Map<String, String> KEY = Map.of("VIDEO_API_KEY", "sk-abcdefghijklmnop1234");
    @TempDir
    Path dir;

    private Path write(String media) throws Exception {
        return Files.writeString(dir.resolve("reelbot.yaml"), "video-api:\n  base-url: https://a.example.com\n"
                + "media:\n" + media.indent(2));
    }

    @Test
    void aBucketSelectsS3WithItsKeysFromTheEnvironment() throws Exception {
        Path file = write("""
                s3:
                  bucket: reelbot-media
                  endpoint: http://minio:9000/
                  region: EU-CENTRAL-1
                  path-style: true
                  prefix: /team/videos
                """);
        Map<String, String> env = new HashMap<>(KEY);
        env.put("MEDIA_S3_ACCESS_KEY_ID", "AKIAEXAMPLEKEY123456");
        env.put("MEDIA_S3_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        S3MediaConfig s3 = ConfigLoader.load(file, env, true).media().s3().orElseThrow();

        assertThat(s3.bucket()).isEqualTo("reelbot-media");
        assertThat(s3.endpoint()).hasValue(URI.create("http://minio:9000"));
        assertThat(s3.region()).isEqualTo("eu-central-1");
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.prefix()).isEqualTo("team/videos/");
        assertThat(s3.accessKeyId().orElseThrow().reveal()).isEqualTo("AKIAEXAMPLEKEY123456");
        assertThat(s3.credentials()).isEqualTo("access key ****3456 from MEDIA_S3_ACCESS_KEY_ID");
        assertThat(s3.toString()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void withoutABucketVideosStayInTheLocalDirectoryAndTheDefaultsAreAwsS3() throws Exception {
        assertThat(ConfigLoader.load(null, KEY, false).media().s3()).isEmpty();

        Map<String, String> env = new HashMap<>(KEY);
        env.put("REELBOT_MEDIA_S3_BUCKET", "videos");
        S3MediaConfig s3 = ConfigLoader.load(null, env, false).media().s3().orElseThrow();
        assertThat(s3.endpoint()).isEmpty();
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.pathStyle()).isFalse();
        assertThat(s3.prefix()).isEmpty();
        assertThat(s3.credentials()).isEqualTo("the AWS default credentials chain");
    }

    @Test
    void everyMistakeIsNamed() throws Exception {
        Path file = write("""
                s3:
                  bucket: Reelbot_Media
                  endpoint: ftp://minio
                  region: "eu central"
                  prefix: a//b
                """);
        Map<String, String> env = new HashMap<>(KEY);
        env.put("MEDIA_S3_ACCESS_KEY_ID", "AKIAEXAMPLEKEY123456");

        ConfigException e = ConfigLoaderTest.problems(file, env);

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder("media.s3.bucket",
                "media.s3.endpoint", "media.s3.region", "media.s3.prefix", "MEDIA_S3_SECRET_ACCESS_KEY");
        assertThat(e.getMessage()).contains("3 to 63 lowercase letters", "http://minio:9000", "export both")
                .doesNotContain("AKIAEXAMPLEKEY123456");
    }

    @Test
    void s3KeysWithoutABucketAndASecretInTheFileAreRefused() throws Exception {
        Path file = write("""
                s3:
                  endpoint: http://minio:9000
                  secret-access-key: do-not-put-me-here
                """);

        ConfigException e = ConfigLoaderTest.problems(file, KEY);

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder("media.s3.bucket",
                "media.s3.secret-access-key");
        assertThat(e.getMessage()).contains("set media.s3.bucket", "secrets are never read from the file")
                .doesNotContain("do-not-put-me-here");
    }
}
