package dev.reelbot.media;

import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media store in a local directory ({@code media.dir}): one file per object, written under a {@code .part}
 * name and renamed into place in one atomic step, so a reader never sees half a file, and a crash leaves only a
 * {@code .part} file, which {@link #open(Path)} removes at the next start.
 *
 * <p>Threading: thread-safe; two puts of one key race to the rename and the later one wins whole.
 */
public final class LocalMediaStore implements MediaStore {
    private static final Logger log = LoggerFactory.getLogger(LocalMediaStore.class);
    private static final String PART = ".part";

    private final Path dir;

    private LocalMediaStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating) the directory, removing the {@code .part} files a crash left there. */
    public static LocalMediaStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            int swept = 0;
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "*" + PART)) {
                for (Path part : parts) {
                    Files.deleteIfExists(part);
                    swept++;
                }
            }
            if (swept > 0) {
                log.info("media store {}: removed {} partial files left by an earlier run", dir, swept);
            }
            return new LocalMediaStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the media directory " + dir + " (media.dir)", e);
        }
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        place(key, part -> Files.copy(content, part));
    }

    /**
     * Links the file into the store when it is on the same file system (no byte written: the downloaded video is
     * not copied a second time), else copies it; either way under a {@code .part} name first, then renamed.
     */
    @Override
    public void putFile(String key, Path file) throws IOException {
        place(key, part -> {
            try {
                Files.createLink(part, file);
            } catch (IOException | UnsupportedOperationException notLinkable) {
                Files.copy(file, part);
            }
        });
    }

    /**
     * Makes the object's file under a {@code .part} name with {@code make}, then renames it into place; the key is
     * checked ({@link #file}) before any file is made.
     */
    private void place(String key, PartMaker make) throws IOException {
        Path target = file(key);
        Path part = dir.resolve(key + "." + UUID.randomUUID() + PART);
        try {
            make.make(part);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Writes a whole object's file at the path given. */
    @FunctionalInterface
    private interface PartMaker {
        void make(Path part) throws IOException;
    }

    @Override
    public Optional<MediaObject> stat(String key) throws IOException {
        try {
            return Optional.of(object(file(key), Files.readAttributes(file(key), BasicFileAttributes.class)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
            return new BoundedStream(Channels.newInputStream(channel), length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    @Override
    public List<MediaObject> list() throws IOException {
        List<MediaObject> objects = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(PART) || !MediaKeys.valid(name)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        objects.add(object(file, attributes));
                    }
                } catch (NoSuchFileException goneMeanwhile) {
                    log.debug("media store: {} went away while listing", name);
                }
            }
        }
        objects.sort(Comparator.comparing(MediaObject::storedAt).thenComparing(MediaObject::key));
        return objects;
    }

    @Override
    public String describe(String key) {
        return file(key).toAbsolutePath().toString();
    }

    @Override
    public String probe() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toAbsolutePath().toString(), null, "the media directory is gone");
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toAbsolutePath().toString(), null, "the media directory is not "
                    + "writable");
        }
        return "local directory " + dir.toAbsolutePath();
    }

    private Path file(String key) {
        return dir.resolve(MediaKeys.check(key));
    }

    private static MediaObject object(Path file, BasicFileAttributes attributes) {
        return new MediaObject(file.getFileName().toString(), attributes.size(),
                attributes.lastModifiedTime().toInstant());
    }

    /** At most {@code left} bytes of a stream. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
