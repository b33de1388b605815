package dev.reelbot.core.command;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.PlainText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Validates a prompt and its options against the limits and the chosen model, and builds the
 * {@link VideoRequest}. Every problem is collected, so the user fixes them all in one go.
 */
final class RequestBuilder {
    static final int MAX_NEGATIVE_LENGTH = 500;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N} _.-]{1,40}");
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})\\s*[x×*X]\\s*(\\d{2,5})");
    static final long MAX_SEED = 4_294_967_295L;

    private final ModelCatalog catalog;
    private final Limits limits;
    private final List<Msg> problems = new ArrayList<>();
    /** The option each problem is about, for forms that show problems on their fields. */
    private final Map<Msg, Flag> fields = new HashMap<>();

    RequestBuilder(ModelCatalog catalog, Limits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    /** @param earlier problems already found in how the command was written, reported with these */
    VideoRequest build(String rawPrompt, Map<Flag, String> options, String channel, List<Msg> earlier)
            throws CommandError {
        problems.addAll(earlier);
        String prompt = PlainText.multiLine(rawPrompt, Integer.MAX_VALUE);
        if (prompt.isEmpty()) {
            problems.add(Msg.of("error.prompt.empty"));
        } else if (!PlainText.hasVisible(prompt)) {
            problems.add(Msg.of("error.prompt.invisible"));
        } else if (prompt.codePointCount(0, prompt.length()) > limits.maxPromptLength()) {
            problems.add(Msg.of("error.prompt.too-long", prompt.codePointCount(0, prompt.length()),
                    limits.maxPromptLength()));
        }
        ModelSpec model = about(Flag.MODEL, () -> model(options.get(Flag.MODEL), channel));
        VideoRequest.Builder request = VideoRequest.builder(prompt.isEmpty() ? "-" : prompt,
                model == null ? catalog.defaultModel().name() : model.name());
        if (model != null) {
            request.seconds(about(Flag.DURATION, () -> duration(options.get(Flag.DURATION), model)));
            checking(Flag.SIZE, () -> sizeAndAspect(options.get(Flag.SIZE), options.get(Flag.ASPECT), model, request));
        }
        request.fps(about(Flag.FPS, () -> whole(options.get(Flag.FPS), Flag.FPS, 1, 120)));
        request.seed(about(Flag.SEED, () -> options.containsKey(Flag.SEED) ? seed(options.get(Flag.SEED)) : null));
        request.count(about(Flag.COUNT, () -> count(options.get(Flag.COUNT))));
        request.negativePrompt(about(Flag.NEGATIVE, () -> negative(options.get(Flag.NEGATIVE))));
        request.style(about(Flag.STYLE, () -> word(options.get(Flag.STYLE), Flag.STYLE)));
        request.quality(about(Flag.QUALITY, () -> word(options.get(Flag.QUALITY), Flag.QUALITY)));
        String image = options.get(Flag.IMAGE);
        if (image != null) {
            Msg refusal = ImageUrls.refusal(image);
            if (refusal != null) {
                problems.add(refusal);
                fields.put(refusal, Flag.IMAGE);
            }
            request.imageUrl(image);
        }
        if (!problems.isEmpty()) {
            throw new CommandError(problems, fields);
        }
        return request.build();
    }

    /** Runs one option's check, noting that the problems it adds are about {@code flag}. */
    private <T> T about(Flag flag, Supplier<T> check) {
        int before = problems.size();
        T value = check.get();
        problems.subList(before, problems.size()).forEach(problem -> fields.putIfAbsent(problem, flag));
        return value;
    }

    private void checking(Flag flag, Runnable check) {
        about(flag, () -> {
            check.run();
            return null;
        });
    }

    private ModelSpec model(String typed, String channel) {
        List<String> offered = limits.modelsFor(channel, catalog);
        if (offered.isEmpty()) {
            problems.add(Msg.of("error.no-models"));
            return null;
        }
        if (typed == null) {
            return catalog.find(offered.get(0)).orElseThrow();
        }
        Optional<ModelSpec> found = catalog.all().stream()
                .filter(m -> m.name().equalsIgnoreCase(typed.strip())).findFirst();
        if (found.isPresent() && offered.contains(found.get().name())) {
            return found.get();
        }
        problems.add(found.isPresent() ? Msg.of("error.model.not-here", found.get().name(), String.join(", ", offered))
                : Msg.of("error.model.unknown", PlainText.oneLine(typed, 60), String.join(", ", offered)));
        return null;
    }

    private Integer duration(String typed, ModelSpec model) {
        if (typed == null) {
            return null;
        }
        String digits = typed.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*(s|sec|secs|seconds)$", "");
        Integer seconds = parseInt(digits);
        if (seconds == null || !model.durations().contains(seconds)) {
            problems.add(Msg.of("error.duration", model.name(), Msg.or(model.durations().stream()
                    .map(String::valueOf).toList()), PlainText.oneLine(typed, 20)));
            return null;
        }
        return seconds;
    }

    private void sizeAndAspect(String size, String aspect, ModelSpec model, VideoRequest.Builder request) {
        if (size != null && aspect != null) {
            problems.add(Msg.of("error.size-and-ar"));
            return;
        }
        if (size != null) {
            var m = SIZE.matcher(size.strip());
            String normal = m.matches() ? m.group(1) + "x" + m.group(2) : null;
            if (normal == null || !model.sizes().contains(normal)) {
                problems.add(Msg.of("error.size", model.name(), sizesOf(model), PlainText.oneLine(size, 20)));
                return;
            }
            request.size(normal);
        } else if (aspect != null) {
            Optional<AspectRatio> ratio = AspectRatio.parse(aspect);
            Optional<String> matched = ratio.flatMap(r -> r.sizeFor(model));
            if (matched.isEmpty()) {
                problems.add(ratio.isEmpty() ? Msg.of("error.ar.shape")
                        : Msg.of("error.ar.none", model.name(), ratio.get().toString(), sizesOf(model)));
                return;
            }
            request.size(matched.get()).aspectRatio(ratio.get().toString());
        }
    }

    private Integer count(String typed) {
        if (typed == null) {
            return null;
        }
        if (limits.maxCount() == 1) {
            Integer n = parseInt(typed.strip());
            if (n == null || n != 1) {
                problems.add(Msg.of("error.count.one"));
            }
            return null;
        }
        return whole(typed, Flag.COUNT, 1, limits.maxCount());
    }

    private Integer whole(String typed, Flag flag, int min, int max) {
        if (typed == null) {
            return null;
        }
        Integer value = parseInt(typed.strip());
        if (value == null || value < min || value > max) {
            problems.add(Msg.of("error.whole-number", flag.toString(), min, max));
            return null;
        }
        return value;
    }

    private Long seed(String typed) {
        try {
            long value = Long.parseLong(typed.strip());
            if (value >= 0 && value <= MAX_SEED) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(Msg.of("error.whole-number", Flag.SEED.toString(), 0, String.valueOf(MAX_SEED)));
        return null;
    }

    private String negative(String typed) {
        if (typed == null) {
            return null;
        }
        String text = PlainText.oneLine(typed, Integer.MAX_VALUE);
        if (text.isEmpty() || text.length() > MAX_NEGATIVE_LENGTH) {
            problems.add(Msg.of("error.neg.length", MAX_NEGATIVE_LENGTH));
            return null;
        }
        return text;
    }

    private String word(String typed, Flag flag) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip();
        if (!WORD.matcher(text).matches()) {
            problems.add(Msg.of("error.word", flag.toString()));
            return null;
        }
        return text;
    }

    /** "1280x720 (16:9) or 720x1280 (9:16)", in the language the message is put in. */
    static Msg.Or sizesOf(ModelSpec model) {
        return Msg.or(model.sizes().stream().map(s -> s + " (" + AspectRatio.of(s) + ")").toList());
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
