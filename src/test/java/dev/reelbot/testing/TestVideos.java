package dev.reelbot.testing;

/** Bytes the bot takes for a video: they start like an MP4 file (an {@code ftyp} box). */
public final class TestVideos {
    private TestVideos() {
    }

    /** An MP4-looking file of {@code size} bytes. */
    public static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, 0, bytes, 0, 8);
        return bytes;
    }
}
