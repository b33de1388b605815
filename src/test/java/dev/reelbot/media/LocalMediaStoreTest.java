package dev.reelbot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media store contract on a real directory, and what only a directory has: crashes' partial files, and files
 * kept by linking them rather than writing them again.
 */
class LocalMediaStoreTest extends MediaStoreContract {
    @TempDir
    Path dir;

    @Override
    MediaStore store() {
        return LocalMediaStore.open(dir);
    }

    @Override
    void age(String key, Instant at) throws Exception {
        Files.setLastModifiedTime(dir.resolve(key), FileTime.from(at));
    }

    @Override
    List<String> stored() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Override
    String expectedDescription(String key) {
        return dir.resolve(key).toAbsolutePath().toString();
    }

    @Test
    void partialFilesACrashLeftAreRemovedAtOpenAndNeverListed() throws Exception {
        Files.writeString(dir.resolve("abcd2345.mp4.0b1c.part"), "half");
        Files.writeString(dir.resolve("kept.mp4"), "whole");

        LocalMediaStore store = LocalMediaStore.open(dir);

        assertThat(Files.exists(dir.resolve("abcd2345.mp4.0b1c.part"))).isFalse();
        assertThat(store.list()).extracting(MediaObject::key).containsExactly("kept.mp4");
    }

    @Test
    void theProbeNamesTheDirectoryAndFailsOnceItIsGone() throws Exception {
        Path media = dir.resolve("media");
        LocalMediaStore store = LocalMediaStore.open(media);
        assertThat(store.probe()).isEqualTo("local directory " + media.toAbsolutePath());

        Files.delete(media);

        assertThatThrownBy(store::probe).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("the media directory is gone");
    }

    @Test
    void aFileOnTheSameFileSystemIsLinkedIntoTheStoreNotWrittenAgain(@TempDir Path downloads) throws Exception {
        Path download = Files.writeString(downloads.resolve("download.mp4"), "the video");
        store().putFile("abcd2345.mp4", download);

        assertThat(Files.getAttribute(download, "unix:nlink")).as("one file, two names").isEqualTo(2);
        assertThat(Files.isSameFile(download, dir.resolve("abcd2345.mp4"))).isTrue();
    }
}
