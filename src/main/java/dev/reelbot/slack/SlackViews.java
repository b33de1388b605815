package dev.reelbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.image;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.View;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps the core's views to Block Kit: every piece of untrusted text escaped, the requester mentioned once. */
final class SlackViews {
    static final String REROLL = "reelbot_reroll";
    static final String DETAILS = "reelbot_details";
    static final String REFUND = "reelbot_refund";
    static final String CANCEL = "reelbot_cancel";
    private static final int FIELDS_PER_SECTION = 10;

    /** A message: the notification text and the blocks shown. */
    record Message(String text, List<LayoutBlock> blocks) {
        boolean hasImage() {
            return blocks.stream().anyMatch(ImageBlock.class::isInstance);
        }

        /** The same message without its images (a poster frame Slack could not download). */
        Message withoutImages() {
            return new Message(text, blocks.stream().filter(b -> !(b instanceof ImageBlock)).toList());
        }
    }

    private SlackViews() {
    }

    static Message of(View view) {
        return view instanceof NoticeView notice ? notice(notice) : job((JobView) view);
    }

    static Message job(JobView v) {
        Texts t = v.texts();
        List<LayoutBlock> blocks = new ArrayList<>();
        String head = "*" + SlackText.escape(v.headline()) + "* · " + SlackText.mention(v.requester()) + "\n>"
                + SlackText.escape(v.prompt());
        blocks.add(section(s -> s.text(markdownText(head))));
        String progress = v.progressBar() == null ? "" : "`" + v.progressBar() + "`  ";
        String status = progress + SlackText.escape(v.status()) + " · " + SlackText.escape(v.elapsed());
        blocks.add(section(s -> s.text(markdownText(status))));
        String result = result(v.result(), t);
        if (!result.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(result))));
        }
        if (v.result() instanceof JobView.Linked linked && SlackText.isSafeUrl(linked.poster())) {
            blocks.add(image(i -> i.imageUrl(linked.poster()).altText(t.get("slack.poster"))));
        }
        String details = SlackText.escape(v.settings()) + " · " + t.get("slack.job", v.jobId());
        blocks.add(context(c -> c.elements(List.of(markdownText(details)))));
        List<BlockElement> buttons = new ArrayList<>();
        for (JobView.Action action : v.actions()) {
            buttons.add(switch (action) {
                case REROLL -> button(b -> b.actionId(REROLL).value(v.jobId())
                        .text(plainText(t.get("slack.button.reroll"))));
                case DETAILS -> button(b -> b.actionId(DETAILS).value(v.jobId())
                        .text(plainText(t.get("slack.button.details"))));
                case CANCEL -> button(b -> b.actionId(CANCEL).value(v.jobId()).style("danger")
                        .text(plainText(t.get("slack.button.cancel"))));
            });
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        String text = SlackText.escape(v.headline() + ": " + PlainText.cap(v.prompt(), 150));
        return new Message(text, blocks);
    }

    private static String result(JobView.Result result, Texts t) {
        if (result instanceof JobView.Uploaded uploaded) {
            String full = uploaded.link() == null ? "" : " " + SlackText.link(uploaded.link().url(), t.get(uploaded
                    .compressed() ? "slack.link.full-quality" : "slack.link.share")) + until(uploaded.link()
                    .expiresAt(), t);
            return t.get(uploaded.compressed() ? "slack.uploaded.compressed" : "slack.uploaded") + full;
        }
        if (result instanceof JobView.Linked linked) {
            String expiry = linked.expiresAt() == null ? "" : " " + t.get("slack.link.works-until",
                    t.when(linked.expiresAt()));
            return SlackText.link(linked.url(), t.get("slack.link.watch")) + " (" + SlackText.escape(linked.note())
                    + ")." + expiry;
        }
        if (result instanceof JobView.Kept kept) {
            return SlackText.escape(capitalise(kept.reason()) + ".");
        }
        if (result instanceof JobView.Failed failed) {
            String refund = switch (failed.refund()) {
                case NOTIFIED -> " " + t.get("slack.refund.notified");
                case NOTIFYING -> " " + t.get("slack.refund.notifying");
                default -> "";
            };
            return SlackText.escape(capitalise(failed.reason()) + ".") + refund;
        }
        return "";
    }

    private static String until(Instant expiresAt, Texts t) {
        return expiresAt == null ? "" : " " + t.get("slack.link.until", t.when(expiresAt));
    }

    static Message notice(NoticeView v) {
        Texts t = v.texts();
        List<LayoutBlock> blocks = new ArrayList<>();
        String head = "*" + SlackText.escape(v.headline()) + "* · " + t.get("slack.job", v.jobId())
                + (v.repeated() ? "\n_" + t.get("notice.repeated") + "_" : "");
        blocks.add(section(s -> s.text(markdownText(head))));
        List<TextObject> fields = new ArrayList<>();
        for (NoticeView.Fact fact : v.lines()) {
            fields.add(markdownText("*" + SlackText.escape(fact.label()) + "*\n" + SlackText.escape(fact.value())));
            if (fields.size() == FIELDS_PER_SECTION) {
                List<TextObject> full = List.copyOf(fields);
                blocks.add(section(s -> s.fields(full)));
                fields.clear();
            }
        }
        if (!fields.isEmpty()) {
            List<TextObject> rest = List.copyOf(fields);
            blocks.add(section(s -> s.fields(rest)));
        }
        if (v.resolvable()) {
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(REFUND).value(v.jobId())
                    .style("primary").text(plainText(t.get("slack.button.resolve"))))))));
        }
        return new Message(SlackText.escape(v.headline() + ": " + t.get("view.job", v.jobId())), blocks);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
