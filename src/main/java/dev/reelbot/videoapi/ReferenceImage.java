package dev.reelbot.videoapi;

import dev.reelbot.core.InlineImage;

/** A reference image (fetched from the user's URL, or carried inline), sent as the {@code input_reference} part. */
record ReferenceImage(byte[] bytes, String mediaType, String filename) {
    static ReferenceImage of(InlineImage image) {
        return new ReferenceImage(image.bytes(), image.mediaType(), image.filename());
    }
}
