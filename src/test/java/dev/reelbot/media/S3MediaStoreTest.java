package dev.reelbot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import dev.reelbot.core.Secret;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.reelbot.testing.LocalS3;
import dev.reelbot.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The media store contract on a real S3 API (s3proxy in this JVM, signed requests, ranged GETs, paged listings),
 * and what only a bucket has: a prefix that keeps stores apart, and a probe that says what is wrong.
 */
class S3MediaStoreTest extends MediaStoreContract {
    private static final String PREFIX = "reelbot/media/";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    @TempDir
    static Path objects;
    private static LocalS3 s3;
    private final List<S3MediaStore> opened = new ArrayList<>();
    private String bucket;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start(objects);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3MediaStore::close);
    }

    private S3MediaStore open(S3Target target) {
        S3MediaStore store = S3MediaStore.connect(target);
        opened.add(store);
        return store;
    }

    @Override
    MediaStore store() {
        bucket = "media-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        return open(s3.target(bucket, PREFIX));
    }

    @Override
    void age(String key, Instant at) throws Exception {
        s3.age(bucket, PREFIX + key, at);
    }

    @Override
    List<String> stored() throws Exception {
        Path root = objects.resolve(bucket);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .map(name -> name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name).toList();
        }
    }

    @Override
    String expectedDescription(String key) {
        return "s3://" + bucket + "/" + PREFIX + key;
    }

    @Test
    void twoPrefixesInOneBucketAreTwoStoresThatNeverSeeEachOther() throws Exception {
        MediaStore first = store();
        MediaStore second = open(s3.target(bucket, "other/"));
        first.put("abcd2345.mp4", text("first's"));
        second.put("efgh6789.mp4", text("second's"));

        assertThat(first.list()).extracting(MediaObject::key).containsExactly("abcd2345.mp4");
        assertThat(second.list()).extracting(MediaObject::key).containsExactly("efgh6789.mp4");
        assertThat(second.stat("abcd2345.mp4")).isEmpty();
    }

    @Test
    void aStoreOnAnotherInstanceReadsWhatThisOneStored() throws Exception {
        MediaStore here = store();
        MediaStore there = open(s3.target(bucket, PREFIX));
        here.put("abcd2345.mp4", text("0123456789"));

        assertThat(there.stat("abcd2345.mp4")).isEqualTo(here.stat("abcd2345.mp4"));
        assertThat(new String(there.open("abcd2345.mp4", 2, 3).readAllBytes())).isEqualTo("234");
    }

    @Test
    void theProbeNamesTheBucketAndSaysWhatIsWrong() throws Exception {
        MediaStore store = store();
        assertThat(store.probe()).isEqualTo("S3 bucket s3://" + bucket + "/" + PREFIX + " at " + s3.endpoint());

        S3Target missing = s3.target("no-such-bucket", "");
        assertThatThrownBy(() -> open(missing).probe()).isInstanceOf(IOException.class)
                .hasMessageContaining("the bucket does not exist");
        S3Target wrongKey = new S3Target(bucket, Optional.of(s3.endpoint()), "us-east-1", true, "",
                Optional.of(Secret.of(LocalS3.ACCESS_KEY_ID)), Optional.of(Secret.of("not-the-secret-key-0000")));
        assertThatThrownBy(() -> open(wrongKey).probe()).isInstanceOf(IOException.class)
                .hasMessageContaining("access denied").hasMessageNotContaining("not-the-secret-key-0000");
    }

    @Test
    void aStoreWhoseS3IsDownFailsWithAnIoErrorNamingTheObject() throws Exception {
        S3Target nowhere = new S3Target("media", Optional.of(java.net.URI.create("http://127.0.0.1:1")), "us-east-1",
                true, "", Optional.of(Secret.of("a")), Optional.of(Secret.of("b")));
        MediaStore store = open(nowhere);

        assertThatThrownBy(() -> store.stat("abcd2345.mp4")).isInstanceOf(IOException.class)
                .hasMessageContaining("s3://media/abcd2345.mp4");
        assertThatThrownBy(store::probe).isInstanceOf(IOException.class).hasMessageContaining("does not answer");
    }

    @Test
    void evenAtDebugNoLogLineCarriesTheSecretKey() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        try (LogCapture logs = new LogCapture()) {
            MediaStore store = store();
            store.put("abcd2345.mp4", text("0123456789"));
            store.open("abcd2345.mp4", 2, 3).close();
            store.list();
            store.delete("abcd2345.mp4");
            assertThatThrownBy(() -> open(new S3Target(bucket, Optional.of(s3.endpoint()), "us-east-1", true, "",
                    Optional.of(Secret.of(LocalS3.ACCESS_KEY_ID)), Optional.of(Secret.of("wrong-secret-key-0000"))))
                    .stat("abcd2345.mp4")).isInstanceOf(IOException.class);

            assertThat(logs.lines()).as("the SDK's own debug lines too").isNotEmpty()
                    .noneMatch(l -> l.contains(LocalS3.SECRET_ACCESS_KEY) || l.contains("wrong-secret-key-0000"));
        } finally {
            root.setLevel(before);
        }
    }
}
