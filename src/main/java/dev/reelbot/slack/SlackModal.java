package dev.reelbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.fileInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.command.CommandParser;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Make a video" form as a Block Kit modal: prompt, model, the duration and size the chosen model offers (their
 * block ids carry the model, so a model change shows that model's defaults rather than a stale choice), negative
 * prompt, seed and a reference image, worded in the viewer's language. Pure: it only builds views; {@link SlackForm}
 * reads them back.
 */
final class SlackModal {
    static final String CALLBACK = "reelbot_make";
    static final String WHERE = "where";
    static final String PROMPT = "prompt";
    static final String MODEL = "model";
    static final String DURATION = "duration_";
    static final String SIZE = "size_";
    static final String NEGATIVE = "negative";
    static final String SEED = "seed";
    static final String IMAGE = "image";
    static final List<String> IMAGE_TYPES = List.of("jpg", "jpeg", "png", "webp");
    /** Block Kit's limits: an option's text, and a select's options. */
    private static final int OPTION_CHARS = 75;
    private static final int MAX_OPTIONS = 100;

    private final CommandParser parser;

    SlackModal(CommandParser parser) {
        this.parser = parser;
    }

    /** The models offered where the form posts; a global shortcut's form (no channel yet) offers the default set. */
    List<ModelSpec> models(ModalContext context) {
        String channel = context.channel() == null ? "" : context.channel();
        return parser.limits().modelsFor(channel, parser.catalog()).stream()
                .map(name -> parser.catalog().specFor(name)).limit(MAX_OPTIONS).toList();
    }

    /** The form for {@code model} (the first offered when {@code null} or no longer offered), worded in {@code t}. */
    View build(ModalContext context, String model, Texts t) {
        List<ModelSpec> models = models(context);
        ModelSpec chosen = models.stream().filter(m -> m.name().equals(model)).findFirst()
                .orElse(models.isEmpty() ? parser.catalog().defaultModel() : models.get(0));
        List<LayoutBlock> blocks = new ArrayList<>();
        if (context.channel() == null) {
            blocks.add(input(i -> i.blockId(WHERE).label(plainText(t.get("slack.form.where"))).element(
                    conversationsSelect(c -> c.actionId(WHERE).defaultToCurrentConversation(true)))));
        }
        blocks.add(input(i -> i.blockId(PROMPT).label(plainText(t.get("slack.form.prompt"))).element(plainTextInput(
                p -> p.actionId(PROMPT).multiline(true).maxLength(Math.min(3000, parser.limits().maxPromptLength()))
                .placeholder(plainText(t.get("slack.form.prompt-hint")))))));
        List<OptionObject> modelOptions = models.stream().map(SlackModal::modelOption).toList();
        blocks.add(input(i -> i.blockId(MODEL).dispatchAction(true).label(plainText(t.get("slack.form.model")))
                .element(staticSelect(s -> s.actionId(MODEL).options(modelOptions).initialOption(
                        modelOption(chosen))))));
        List<OptionObject> durations = chosen.durations().stream().map(d -> option(plainText(
                t.get("slack.form.seconds", d)), d.toString())).toList();
        blocks.add(input(i -> i.blockId(DURATION + chosen.name()).label(plainText(t.get("slack.form.duration")))
                .element(staticSelect(s -> s.actionId(DURATION).options(durations).initialOption(durations.get(0))))));
        List<OptionObject> sizes = chosen.sizes().stream().map(size -> option(plainText(CommandParser.sizeLabel(size)),
                size)).toList();
        blocks.add(input(i -> i.blockId(SIZE + chosen.name()).label(plainText(t.get("slack.form.size")))
                .element(staticSelect(s -> s.actionId(SIZE).options(sizes).initialOption(sizes.get(0))))));
        blocks.add(input(i -> i.blockId(NEGATIVE).optional(true).label(plainText(t.get("slack.form.negative")))
                .element(plainTextInput(p -> p.actionId(NEGATIVE).maxLength(500)
                        .placeholder(plainText(t.get("slack.form.negative-hint")))))));
        blocks.add(input(i -> i.blockId(SEED).optional(true).label(plainText(t.get("slack.form.seed")))
                .element(plainTextInput(p -> p.actionId(SEED).maxLength(10)
                        .placeholder(plainText(t.get("slack.form.seed-hint")))))));
        if (context.hasImage()) {
            String name = t.get("slack.form.image-from-message", PlainText.oneLine(String.valueOf(context.imageName()),
                    100));
            blocks.add(context(c -> c.elements(List.of(plainText(name)))));
        }
        String imageLabel = t.get(context.hasImage() ? "slack.form.image-replace" : "slack.form.image");
        blocks.add(input(i -> i.blockId(IMAGE).optional(true).label(plainText(imageLabel))
                .hint(plainText(t.get("slack.form.image-hint")))
                .element(fileInput(f -> f.actionId(IMAGE).filetypes(IMAGE_TYPES).maxFiles(1)))));
        return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(context.encode())
                .title(viewTitle(x -> x.type("plain_text").text(t.get("slack.form.title"))))
                .submit(viewSubmit(x -> x.type("plain_text").text(t.get("slack.form.submit"))))
                .close(viewClose(x -> x.type("plain_text").text(t.get("slack.form.close"))))
                .blocks(blocks));
    }

    private static OptionObject modelOption(ModelSpec model) {
        String description = PlainText.oneLine(model.description(), OPTION_CHARS);
        return option(o -> o.text(plainText(PlainText.oneLine(model.name(), OPTION_CHARS))).value(model.name())
                .description(description.isBlank() ? null : plainText(description)));
    }
}
