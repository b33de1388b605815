package dev.reelbot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.MediaObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media store on a real directory: whole files or nothing, ranges, oldest first, crashes cleaned up. */
class LocalMediaStoreTest {
    @TempDir
    Path dir;

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatIsPutIsReadBackWholeOrByRange() throws IOException {
        LocalMediaStore store = LocalMediaStore.open(dir.resolve("media"));
        store.put("abcd2345.mp4", text("0123456789"));

        assertThat(store.stat("abcd2345.mp4")).hasValueSatisfying(o -> assertThat(o.bytes()).isEqualTo(10));
        try (InputStream all = store.open("abcd2345.mp4", 0, 10); InputStream part = store.open("abcd2345.mp4", 3,
                4)) {
            assertThat(new String(all.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
            assertThat(new String(part.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("3456");
        }
        assertThat(store.describe("abcd2345.mp4")).isEqualTo(dir.resolve("media/abcd2345.mp4").toAbsolutePath()
                .toString());
        store.delete("abcd2345.mp4");
        assertThat(store.stat("abcd2345.mp4")).isEmpty();
        assertThatThrownBy(() -> store.open("abcd2345.mp4", 0, 1)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aPutThatFailsHalfWayLeavesTheEarlierObjectAndNoPartialFile() throws IOException {
        LocalMediaStore store = LocalMediaStore.open(dir);
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

        try (InputStream in = store.open("abcd2345.mp4", 0, 100)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("the first");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("abcd2345.mp4");
        }
    }

    @Test
    void partialFilesACrashLeftAreRemovedAtOpenAndNeverListed() throws IOException {
        Files.writeString(dir.resolve("abcd2345.mp4.0b1c.part"), "half");
        Files.writeString(dir.resolve("kept.mp4"), "whole");

        LocalMediaStore store = LocalMediaStore.open(dir);

        assertThat(Files.exists(dir.resolve("abcd2345.mp4.0b1c.part"))).isFalse();
        assertThat(store.list()).extracting(MediaObject::key).containsExactly("kept.mp4");
    }

    @Test
    void theListIsOldestFirst() throws IOException {
        LocalMediaStore store = LocalMediaStore.open(dir);
        for (String key : List.of("b.mp4", "a.mp4", "c.jpg")) {
            store.put(key, text(key));
        }
        Files.setLastModifiedTime(dir.resolve("a.mp4"), FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
        Files.setLastModifiedTime(dir.resolve("b.mp4"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(dir.resolve("c.jpg"), FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));

        assertThat(store.list()).extracting(MediaObject::key).containsExactly("b.mp4", "c.jpg", "a.mp4");
    }

    @Test
    void aKeyIsNeverAPath() {
        LocalMediaStore store = LocalMediaStore.open(dir);
        for (String key : List.of("../etc/passwd", "a/b.mp4", ".hidden", "x.mp4.part", "")) {
            assertThatThrownBy(() -> store.stat(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
