package dev.reelbot.slack;

import com.slack.api.model.File;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.reelbot.core.command.CommandError;
import dev.reelbot.core.command.CommandParser;
import dev.reelbot.core.command.Flag;
import dev.reelbot.core.command.VideoCommand;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.Texts;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted {@link SlackModal}, read back: the fields become the same typed options Discord's command gives the
 * one {@link CommandParser}, and its problems go back onto the fields they are about ({@code response_action:
 * errors}), the general ones onto the prompt.
 *
 * @param context  what the form carried (its channel, a message's image)
 * @param channel  where the job posts: the form's channel, or the one picked in a global shortcut's form
 * @param prompt   the prompt as typed (it may hold {@code --flags} too)
 * @param blocks   the form's block ids by the option they hold (the duration and size blocks carry the model
 *                 they were drawn for, which is not the chosen one when the form was submitted before its redraw)
 * @param options  the typed options, keyed by flag
 * @param upload   the image uploaded in the form, if any
 */
record SlackForm(ModalContext context, String channel, String prompt, Map<Flag, String> blocks,
                 Map<Flag, String> options, Optional<File> upload) {

    static SlackForm read(View view) {
        ModalContext context = ModalContext.decode(view.getPrivateMetadata());
        Map<String, Map<String, ViewState.Value>> values = view.getState() == null || view.getState().getValues()
                == null ? Map.of() : view.getState().getValues();
        Map<Flag, String> blocks = new EnumMap<>(Flag.class);
        blocks.put(Flag.MODEL, SlackModal.MODEL);
        blocks.put(Flag.NEGATIVE, SlackModal.NEGATIVE);
        blocks.put(Flag.SEED, SlackModal.SEED);
        values.keySet().stream().filter(id -> id.startsWith(SlackModal.DURATION)).findFirst()
                .ifPresent(id -> blocks.put(Flag.DURATION, id));
        values.keySet().stream().filter(id -> id.startsWith(SlackModal.SIZE)).findFirst()
                .ifPresent(id -> blocks.put(Flag.SIZE, id));
        Map<Flag, String> options = new EnumMap<>(Flag.class);
        for (Flag flag : List.of(Flag.MODEL, Flag.DURATION, Flag.SIZE)) {
            put(options, flag, blocks.containsKey(flag) ? selected(values, blocks.get(flag)) : null);
        }
        put(options, Flag.NEGATIVE, value(values, SlackModal.NEGATIVE).map(ViewState.Value::getValue).orElse(null));
        put(options, Flag.SEED, value(values, SlackModal.SEED).map(ViewState.Value::getValue).orElse(null));
        Optional<File> upload = value(values, SlackModal.IMAGE).map(ViewState.Value::getFiles)
                .filter(files -> !files.isEmpty()).map(files -> files.get(0));
        // A message's image link is checked and carried like a typed --image URL, unless an upload replaces it.
        blocks.put(Flag.IMAGE, SlackModal.IMAGE);
        put(options, Flag.IMAGE, upload.isPresent() ? null : context.imageUrl());
        String channel = context.channel() != null ? context.channel()
                : value(values, SlackModal.WHERE).map(ViewState.Value::getSelectedConversation).orElse(null);
        String prompt = value(values, SlackModal.PROMPT).map(ViewState.Value::getValue).orElse("");
        return new SlackForm(context, channel, prompt, blocks, options, upload);
    }

    /** Validates the form with the parser, exactly as a typed command is validated. */
    VideoCommand.Generate parse(CommandParser parser) throws CommandError {
        return parser.fromOptions(prompt, options, channel == null ? "" : channel);
    }

    /** Each problem on the block of the field it is about ({@code block_id} to text), for {@code errors}. */
    Map<String, String> errors(CommandError error, Texts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Msg problem : error.problems()) {
            errors.merge(blockOf(error.fieldOf(problem)), t.get(problem), (a, b) -> a + " " + b);
        }
        return errors;
    }

    /** The block showing a field's problems; problems of fields the form has no block for go on the prompt. */
    String blockOf(Flag flag) {
        return flag == null ? SlackModal.PROMPT : blocks.getOrDefault(flag, SlackModal.PROMPT);
    }

    private static void put(Map<Flag, String> options, Flag flag, String value) {
        if (value != null && !value.isBlank()) {
            options.put(flag, value);
        }
    }

    private static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue)
                .orElse(null);
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Optional.ofNullable(values.get(block)).flatMap(actions -> actions.values().stream().findFirst());
    }
}
