package dev.reelbot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import dev.reelbot.core.deliver.MediaSweeper;
import dev.reelbot.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link MediaStore} does, run against each one on its real storage (a directory, an S3 API): whole
 * objects or nothing, byte ranges, the oldest first, keys that are never paths, and the sweeper's bounds.
 */
abstract class MediaStoreContract {
    /** A fresh, empty store. */
    abstract MediaStore store() throws Exception;

    /** Makes the object under {@code key} look stored at {@code at}, as time passing would. */
    abstract void age(String key, Instant at) throws Exception;

    /** The names the storage itself holds (files, objects), temporary ones included. */
    abstract List<String> stored() throws Exception;

    /** What {@link MediaStore#describe} must say for {@code key}. */
    abstract String expectedDescription(String key);

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void whatIsPutIsReadBackWholeOrByRange() throws Exception {
        MediaStore store = store();
        store.put("abcd2345.mp4", text("0123456789"));

        assertThat(store.stat("abcd2345.mp4")).hasValueSatisfying(o -> assertThat(o.bytes()).isEqualTo(10));
        assertThat(read(store.open("abcd2345.mp4", 0, 10))).isEqualTo("0123456789");
        assertThat(read(store.open("abcd2345.mp4", 3, 4))).isEqualTo("3456");
        assertThat(read(store.open("abcd2345.mp4", 8, 100))).as("a range past the end stops there").isEqualTo("89");
        assertThat(read(store.open("abcd2345.mp4", 10, 5))).as("a range starting at the end").isEmpty();
        assertThat(store.describe("abcd2345.mp4")).isEqualTo(expectedDescription("abcd2345.mp4"));
        store.delete("abcd2345.mp4");
        store.delete("abcd2345.mp4");
        assertThat(store.stat("abcd2345.mp4")).isEmpty();
        assertThatThrownBy(() -> store.open("abcd2345.mp4", 0, 1)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open("abcd2345.mp4", 0, 0)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aPutReplacesWhatWasThere() throws Exception {
        MediaStore store = store();
        store.put("abcd2345.jpg", text("first"));
        store.put("abcd2345.jpg", text("the second"));

        assertThat(read(store.open("abcd2345.jpg", 0, 100))).isEqualTo("the second");
        assertThat(store.list()).extracting(MediaObject::key, MediaObject::bytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("abcd2345.jpg", 10L));
    }

    @Test
    void aFilePutIsKeptWholeWhateverBecomesOfTheFileAndReplacesWhatWasThere(@TempDir Path elsewhere)
            throws Exception {
        MediaStore store = store();
        store.put("abcd2345.mp4", text("first"));
        Path download = elsewhere.resolve("download.mp4");
        Files.writeString(download, "the video");

        store.putFile("abcd2345.mp4", download);
        assertThat(Files.readString(download)).as("the file stays").isEqualTo("the video");
        Files.delete(download);

        assertThat(read(store.open("abcd2345.mp4", 0, 100))).isEqualTo("the video");
        assertThat(store.list()).extracting(MediaObject::key, MediaObject::bytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("abcd2345.mp4", 9L));
        assertThat(stored()).containsExactly("abcd2345.mp4");
    }

    @Test
    void aPutThatFailsHalfWayLeavesTheEarlierObjectAndNothingElse() throws Exception {
        MediaStore store = store();
        store.put("abcd2345.mp4", text("the first"));
        InputStream breaking = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 5) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put("abcd2345.mp4", breaking)).hasMessage("connection reset");

        assertThat(read(store.open("abcd2345.mp4", 0, 100))).isEqualTo("the first");
        assertThat(stored()).containsExactly("abcd2345.mp4");
    }

    @Test
    void theListIsOldestFirst() throws Exception {
        MediaStore store = store();
        for (String key : List.of("b.mp4", "a.mp4", "c.jpg")) {
            store.put(key, text(key));
        }
        age("a.mp4", Instant.parse("2026-01-03T00:00:00Z"));
        age("b.mp4", Instant.parse("2026-01-01T00:00:00Z"));
        age("c.jpg", Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(store.list()).extracting(MediaObject::key).containsExactly("b.mp4", "c.jpg", "a.mp4");
        assertThat(store.stat("b.mp4")).hasValueSatisfying(o -> assertThat(o.storedAt())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void aKeyIsNeverAPath() throws Exception {
        MediaStore store = store();
        for (String key : List.of("../etc/passwd", "a/b.mp4", ".hidden", "x.mp4.part", "")) {
            assertThatThrownBy(() -> store.stat(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.put(key, text("x"))).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theSweeperRemovesVideosPastTheirRetentionAndKeepsTheRest() throws Exception {
        MediaStore store = store();
        keep(store, "old.mp4", 100, "2026-10-01T00:00:00Z");
        keep(store, "old.jpg", 10, "2026-10-01T00:00:01Z");
        keep(store, "new.mp4", 100, "2026-11-20T00:00:00Z");

        MediaSweeper.Swept swept = new MediaSweeper(store, Duration.ofDays(30), 1 << 30,
                MutableClock.at("2026-12-01T00:00:00Z")).sweep();

        assertThat(swept.expired()).isEqualTo(2);
        assertThat(swept.evicted()).isZero();
        assertThat(swept.bytesFreed()).isEqualTo(110);
        assertThat(store.list()).extracting(MediaObject::key).containsExactly("new.mp4");
        assertThat(stored()).containsExactly("new.mp4");
    }

    @Test
    void overTheTotalSizeTheSweeperEvictsTheOldestUntilItFits() throws Exception {
        MediaStore store = store();
        keep(store, "a.mp4", 400, "2026-11-28T00:00:00Z");
        keep(store, "b.mp4", 400, "2026-11-29T00:00:00Z");
        keep(store, "c.mp4", 400, "2026-11-30T00:00:00Z");

        MediaSweeper.Swept swept = new MediaSweeper(store, Duration.ofDays(30), 900,
                MutableClock.at("2026-12-01T00:00:00Z")).sweep();

        assertThat(swept.evicted()).isEqualTo(1);
        assertThat(swept.bytesLeft()).isEqualTo(800);
        assertThat(store.list()).extracting(MediaObject::key).containsExactly("b.mp4", "c.mp4");
    }

    @Test
    void theProbeSaysWhatTheStoreIs() throws Exception {
        assertThat(store().probe()).isNotBlank();
    }

    private void keep(MediaStore store, String key, int bytes, String storedAt) throws Exception {
        store.put(key, new ByteArrayInputStream(new byte[bytes]));
        age(key, Instant.parse(storedAt));
    }
}
