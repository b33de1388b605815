package dev.reelbot.videoapi;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Tells a video file from an error page served with a 200: an MP4 or QuickTime file starts with a box whose type
 * (bytes 4 to 8) is one of a few known names, a WebM file with the EBML magic number. Anything else (HTML, JSON, an
 * empty body) is not handed to a chat.
 */
final class VideoBytes {
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");

    private VideoBytes() {
    }

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    static boolean looksLikeVideo(byte[] head, int length) {
        if (length < 8) {
            return false;
        }
        if (head[0] == EBML[0] && head[1] == EBML[1] && head[2] == EBML[2] && head[3] == EBML[3]) {
            return true;
        }
        return FIRST_BOXES.contains(new String(head, 4, 4, StandardCharsets.US_ASCII));
    }
}
