package dev.reelbot.slack;

import com.slack.api.model.Attachment;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The image "Animate with reelbot" starts from: the first file of the message that is a JPEG, PNG or WebP of at most
 * 10 MiB (read later with the bot's token), else the first image the message shows by link: an image block (a Slack
 * file there counts as a file), a link unfurl's or attachment's {@code image_url}. A link is only carried, never
 * fetched here: it becomes the job's image URL, checked and fetched exactly as a typed {@code --image URL} is
 * (the parser's checks, then the video API adapter's outbound policy).
 */
final class MessageImages {
    /** Slack's own file links need the bot's token, which never goes with a link: such images count only as files. */
    private static final String SLACK_FILES = "files.slack.com";
    /** A link longer than the parser accepts could not start a job; the form's metadata also has a limit. */
    private static final int MAX_URL = 2048;

    private MessageImages() {
    }

    /** The image of {@code message}, as the form's context posting to {@code channel}, or empty. */
    static Optional<ModalContext> pick(Message message, String channel) {
        if (message == null) {
            return Optional.empty();
        }
        List<File> files = message.getFiles() == null ? List.of() : message.getFiles();
        Optional<File> file = files.stream().filter(f -> SlackFiles.refusal(f.getMimetype(), f.getSize() == null
                ? null : f.getSize().longValue()) == null).findFirst();
        if (file.isPresent()) {
            return Optional.of(new ModalContext(channel, file.get().getId(), file.get().getName(), null));
        }
        // In the order the message shows them: its own image blocks, then each attachment's blocks and image.
        List<ModalContext> shown = new ArrayList<>(fromBlocks(message.getBlocks(), channel));
        for (Attachment a : message.getAttachments() == null ? List.<Attachment>of() : message.getAttachments()) {
            shown.addAll(fromBlocks(a.getBlocks(), channel));
            fromLink(a.getImageUrl(), a.getImageBytes(), channel).ifPresent(shown::add);
        }
        return shown.stream().findFirst();
    }

    private static List<ModalContext> fromBlocks(List<LayoutBlock> blocks, String channel) {
        List<ModalContext> found = new ArrayList<>();
        for (LayoutBlock block : blocks == null ? List.<LayoutBlock>of() : blocks) {
            if (block instanceof ImageBlock image) {
                if (image.getSlackFile() != null && image.getSlackFile().getId() != null) {
                    String name = image.getAltText() == null ? image.getSlackFile().getId() : image.getAltText();
                    found.add(new ModalContext(channel, image.getSlackFile().getId(), name, null));
                } else {
                    fromLink(image.getImageUrl(), image.getImageBytes(), channel).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    /** An https link, not to Slack's private file host, to an image not known to be over 10 MiB. */
    private static Optional<ModalContext> fromLink(String link, Integer bytes, String channel) {
        if (link == null || link.length() > MAX_URL || bytes != null && bytes > SlackFiles.MAX_IMAGE_BYTES) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme()) && !host.isEmpty() && !host.equals(SLACK_FILES)
                    ? Optional.of(new ModalContext(channel, null, nameOf(uri), link)) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** "example.com/cat.png": enough for the user to recognise the image. */
    private static String nameOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return uri.getHost() + (last.isEmpty() ? "" : "/" + last);
    }
}
