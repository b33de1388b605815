package dev.reelbot.discord;

import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The forms (Discord modals) the bot opens: Edit prompt, filled in with a finished job's prompt (its id is the
 * button's, {@code reelbot:edit:<job>}, so it needs no memory), and Animate image, which asks what the image should
 * become. The image's URL is too long for a form's id (100 characters), so it waits here under a short token for
 * {@link #HELD} (a form left open longer, or across a restart, is answered "use Animate image again").
 *
 * <p>Threading: JDA's event thread opens forms and its callback pool reads them; the map is guarded by itself.
 */
final class DiscordForms {
    static final String PROMPT = "prompt";
    static final Duration HELD = Duration.ofHours(1);
    private static final String ANIMATE = "reelbot:animate:";
    private static final int MAX_HELD = 1000;
    /** Discord's limit on a text input's length. */
    private static final int INPUT_CHARS = 4000;
    private static final int TITLE_CHARS = 45;

    private final Clock clock;
    private final Map<String, Held> images = new LinkedHashMap<>();

    private record Held(String url, Instant until) {
    }

    DiscordForms(Clock clock) {
        this.clock = clock;
    }

    /** The Edit prompt form of {@code jobId}, filled in with its prompt. */
    static Modal editPrompt(String jobId, String prompt, Texts t) {
        TextInput input = TextInput.create(PROMPT, TextInputStyle.PARAGRAPH).setRequired(true)
                .setMaxLength(INPUT_CHARS).setValue(PlainText.cap(prompt, INPUT_CHARS)).build();
        return Modal.create(new ButtonId(ButtonId.Action.EDIT, jobId).customId(),
                PlainText.cap(t.get("discord.form.edit.title"), TITLE_CHARS))
                .addComponents(Label.of(PlainText.cap(t.get("discord.form.prompt"), TITLE_CHARS),
                        PlainText.cap(t.get("discord.form.edit.hint"), 100), input))
                .build();
    }

    /** The Animate image form: what {@code imageUrl} should become. */
    Modal animate(String imageUrl, Texts t) {
        TextInput input = TextInput.create(PROMPT, TextInputStyle.PARAGRAPH).setRequired(true)
                .setMaxLength(INPUT_CHARS).setPlaceholder(PlainText.cap(t.get("discord.form.animate.placeholder"),
                        100)).build();
        return Modal.create(ANIMATE + hold(imageUrl), PlainText.cap(t.get("discord.form.animate.title"),
                        TITLE_CHARS))
                .addComponents(Label.of(PlainText.cap(t.get("discord.form.prompt"), TITLE_CHARS), input))
                .build();
    }

    /** Whether a form's id is an Animate image form's. */
    static boolean isAnimate(String modalId) {
        return modalId != null && modalId.startsWith(ANIMATE);
    }

    /** The image an Animate image form was opened on; empty when it waited too long (or the bot restarted). */
    Optional<String> image(String modalId) {
        String token = modalId.substring(ANIMATE.length());
        synchronized (images) {
            Held held = images.remove(token);
            return held == null || held.until().isBefore(clock.instant()) ? Optional.empty()
                    : Optional.of(held.url());
        }
    }

    /** The prompt typed in a submitted form, or an empty text. */
    static String prompt(ModalMapping value) {
        return value == null ? "" : value.getAsString();
    }

    private String hold(String url) {
        String token = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        Instant now = clock.instant();
        synchronized (images) {
            images.values().removeIf(held -> held.until().isBefore(now));
            while (images.size() >= MAX_HELD) {
                images.remove(images.keySet().iterator().next());
            }
            images.put(token, new Held(url, now.plus(HELD)));
        }
        return token;
    }
}
