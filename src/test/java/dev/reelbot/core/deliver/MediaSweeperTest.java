package dev.reelbot.core.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.MediaObject;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media store's bounds: retention first, then the total size, the oldest going first. */
class MediaSweeperTest {
    private final MutableClock clock = MutableClock.at("2026-12-01T00:00:00Z");
    @TempDir
    Path dir;

    private void keep(LocalMediaStore store, String key, int bytes, String storedAt) throws IOException {
        store.put(key, new ByteArrayInputStream(new byte[bytes]));
        Files.setLastModifiedTime(dir.resolve(key), FileTime.from(Instant.parse(storedAt)));
    }

    @Test
    void videosPastTheirRetentionGoAndTheRestStay() throws IOException {
        LocalMediaStore store = LocalMediaStore.open(dir);
        keep(store, "old.mp4", 100, "2026-10-01T00:00:00Z");
        keep(store, "old.jpg", 10, "2026-10-01T00:00:01Z");
        keep(store, "new.mp4", 100, "2026-11-20T00:00:00Z");

        MediaSweeper.Swept swept = new MediaSweeper(store, Duration.ofDays(30), 1 << 30, clock).sweep();

        assertThat(swept.expired()).isEqualTo(2);
        assertThat(swept.evicted()).isZero();
        assertThat(swept.bytesFreed()).isEqualTo(110);
        assertThat(store.list()).extracting(MediaObject::key).containsExactly("new.mp4");
    }

    @Test
    void overTheTotalSizeTheOldestAreEvictedUntilItFits() throws IOException {
        LocalMediaStore store = LocalMediaStore.open(dir);
        keep(store, "a.mp4", 400, "2026-11-28T00:00:00Z");
        keep(store, "b.mp4", 400, "2026-11-29T00:00:00Z");
        keep(store, "c.mp4", 400, "2026-11-30T00:00:00Z");

        MediaSweeper.Swept swept = new MediaSweeper(store, Duration.ofDays(30), 900, clock).sweep();

        assertThat(swept.evicted()).isEqualTo(1);
        assertThat(swept.bytesLeft()).isEqualTo(800);
        assertThat(store.list()).extracting(MediaObject::key).containsExactly("b.mp4", "c.mp4");
    }
}
