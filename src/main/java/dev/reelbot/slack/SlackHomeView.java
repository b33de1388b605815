package dev.reelbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.reelbot.core.HomeView;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the core's {@link HomeView} to an App Home view, in the viewer's language: recent videos, usage, admins'
 * spend and open cases.
 */
final class SlackHomeView {
    /** Slack allows 100 blocks in a home view: the cases past these are counted, not shown. */
    private static final int CASES_SHOWN = 40;
    private static final int SECTION_CHARS = 2900;

    private SlackHomeView() {
    }

    static View of(HomeView home, String note, Texts t) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (note != null) {
            blocks.add(section(s -> s.text(markdownText(SlackText.escape(PlainText.cap(note, SECTION_CHARS))))));
        }
        blocks.add(header(h -> h.text(plainText(t.get("slack.home.recent")))));
        blocks.add(section(s -> s.text(markdownText(SlackText.escape(PlainText.cap(home.usage(), SECTION_CHARS))))));
        if (home.recent().isEmpty()) {
            blocks.add(section(s -> s.text(plainText(t.get("slack.home.none")))));
        }
        for (HomeView.Recent job : home.recent()) {
            String link = job.link() != null && SlackText.isSafeUrl(job.link())
                    ? " · " + SlackText.link(job.link(), t.get("slack.home.watch")) : "";
            String where = job.channel() == null || !job.channel().matches("[A-Z0-9]{2,30}") ? ""
                    : " · <#" + job.channel() + ">";
            String text = SlackText.escape(PlainText.cap(job.summary(), SECTION_CHARS)) + link + where;
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        if (home.admin()) {
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText(t.get("slack.home.spend")))));
            blocks.add(section(s -> s.text(markdownText(SlackText.escape(PlainText.cap(home.monthSpend(),
                    SECTION_CHARS))))));
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText(t.get("slack.home.refunds")))));
            if (home.refunds().isEmpty()) {
                blocks.add(section(s -> s.text(plainText(t.get("slack.home.no-refunds")))));
            }
            home.refunds().stream().limit(CASES_SHOWN).forEach(c -> blocks.add(section(s -> s
                    .text(markdownText("`" + c.jobId() + "` " + SlackText.escape(PlainText.cap(c.summary(),
                            SECTION_CHARS))))
                    .accessory(button(b -> b.actionId(SlackHome.REFUND).value(c.jobId()).style("primary")
                            .text(plainText(t.get("slack.home.mark-refunded"))))))));
            if (home.refunds().size() > CASES_SHOWN) {
                String more = t.get("slack.home.more-cases", home.refunds().size() - CASES_SHOWN);
                blocks.add(context(c -> c.elements(List.of(plainText(more)))));
            }
        }
        return view(v -> v.type("home").blocks(blocks));
    }
}
