package dev.reelbot.core.deliver;

import dev.reelbot.core.MediaLinks;
import dev.reelbot.core.MediaStore;
import dev.reelbot.core.Transcoder;
import java.util.Optional;

/**
 * What the engine delivers videos with besides the chat: where it keeps them, the tool that fits them under a
 * channel's upload limit (and takes poster frames), and the links it serves itself. Each may be absent: without a
 * store nothing is kept, without a tool nothing is fitted, without links a video too large to upload is linked at
 * the video API, if at all.
 *
 * @param store      the media store
 * @param transcoder ffmpeg, when found
 * @param links      the bot's own signed links, when {@code server.public-url} is set (they need the store)
 */
public record MediaParts(Optional<MediaStore> store, Optional<Transcoder> transcoder, Optional<MediaLinks> links) {
    /** Nothing but the chat: no store, no tool, no links. */
    public static final MediaParts NONE = new MediaParts(Optional.empty(), Optional.empty(), Optional.empty());
}
