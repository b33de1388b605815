package dev.reelbot.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where finished videos and their poster frames are kept, as a port: a flat set of named objects, each written
 * whole or not at all and read by byte range. A local directory implements it; an S3-compatible bucket can, since
 * nothing here names a file system.
 *
 * <p>Threading: implementations are thread-safe, and every call blocks on the storage: the engine calls them from
 * its media pool and the web server from its request threads, never from the scheduler.
 */
public interface MediaStore {

    /**
     * Stores {@code content} under {@code key}, replacing what was there. Readers never see a partial object: one
     * put that fails half-way leaves nothing (or the earlier object) under the key.
     */
    void put(String key, InputStream content) throws IOException;

    /**
     * Stores the content of {@code file} under {@code key}, like {@link #put}; the file stays where it is, and what
     * is stored does not change if the file is deleted afterwards. The file must not be written to any more.
     */
    default void putFile(String key, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            put(key, in);
        }
    }

    /** What is stored under {@code key}, or empty. */
    Optional<MediaObject> stat(String key) throws IOException;

    /**
     * Reads {@code length} bytes of the object under {@code key} from {@code offset}; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is stored under the key
     */
    InputStream open(String key, long offset, long length) throws IOException;

    /** Removes the object under {@code key}, if there is one. */
    void delete(String key) throws IOException;

    /** Every stored object, oldest first. */
    List<MediaObject> list() throws IOException;

    /** Where the object under {@code key} is kept, for an admin to find it: a path, a bucket address. */
    String describe(String key);

    /**
     * Checks that the storage answers now (for {@code check-config} and {@code /healthz}) and says what it is, e.g.
     * "local directory /srv/media" or "S3 bucket reelbot at https://...".
     *
     * @throws IOException when it does not answer, saying why
     */
    String probe() throws IOException;
}
