package dev.reelbot.videoapi;

/** A reference image fetched from the user's URL, to be sent as the {@code input_reference} file part. */
record ReferenceImage(byte[] bytes, String mediaType, String filename) {
}
