package dev.reelbot.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One video model as this installation offers it: what users may ask of it and how its create request is shaped.
 *
 * @param name                 the model id sent to the API, e.g. {@code sora-2}
 * @param description          one line for {@code /video models}
 * @param durationField        whether the API wants {@code seconds} (a string) or {@code duration} (an integer)
 * @param imageField           whether a reference image goes as an {@code image} URL or an {@code input_reference} file
 * @param aspectRatioInMetadata whether an aspect ratio the user chose is also sent as {@code metadata.aspect_ratio}
 * @param durations            the durations in seconds users may choose, the default first
 * @param sizes                the sizes ({@code WxH}) users may choose, the default first
 * @param timeLimit            how long a job may run before the bot gives up on it
 * @param price                what one job costs ({@code video-api.models[].price}), or {@code null} when config
 *                             gives none (its jobs then count no spend)
 */
public record ModelSpec(
        String name,
        String description,
        DurationField durationField,
        ImageField imageField,
        boolean aspectRatioInMetadata,
        List<Integer> durations,
        List<String> sizes,
        Duration timeLimit,
        Price price) {

    /** How the API names the duration field for a model. */
    public enum DurationField { SECONDS, DURATION }

    /** How the API takes a reference image for a model. */
    public enum ImageField { INPUT_REFERENCE, IMAGE }

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(30);

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(durationField, "durationField");
        Objects.requireNonNull(imageField, "imageField");
        Objects.requireNonNull(timeLimit, "timeLimit");
        durations = List.copyOf(durations);
        sizes = List.copyOf(sizes);
        if (durations.isEmpty() || sizes.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " needs at least one duration and one size");
        }
    }

    /** A model with no price in config. */
    public ModelSpec(String name, String description, DurationField durationField, ImageField imageField,
                     boolean aspectRatioInMetadata, List<Integer> durations, List<String> sizes, Duration timeLimit) {
        this(name, description, durationField, imageField, aspectRatioInMetadata, durations, sizes, timeLimit, null);
    }

    /** The same model at {@code newPrice}. */
    public ModelSpec withPrice(Price newPrice) {
        return new ModelSpec(name, description, durationField, imageField, aspectRatioInMetadata, durations, sizes,
                timeLimit, newPrice);
    }

    /** What a job of this model costs in {@code currency}, or empty when the model has no price. */
    public Optional<Money> costOf(VideoRequest request, String currency) {
        if (price == null) {
            return Optional.empty();
        }
        int seconds = request.seconds() != null ? request.seconds() : defaultDuration();
        int count = request.count() != null ? request.count() : 1;
        return Optional.of(price.costOf(seconds, count, currency));
    }

    /** The duration the API uses when none is sent. */
    public int defaultDuration() {
        return durations.get(0);
    }

    /** The size the API uses when none is sent. */
    public String defaultSize() {
        return sizes.get(0);
    }

    /** True for the Sora family, whose wire format differs from the Kling / Jimeng family. */
    public static boolean isSoraFamily(String modelName) {
        return modelName.toLowerCase(Locale.ROOT).startsWith("sora");
    }

    /**
     * The settings a model gets when config names it without saying more, chosen by its name's prefix as
     * video-api.md describes: Sora wants {@code seconds} + {@code size} + an {@code input_reference} file;
     * the others want {@code duration} + an {@code image} URL.
     */
    public static ModelSpec defaultsFor(String modelName) {
        String lower = modelName.toLowerCase(Locale.ROOT);
        if (isSoraFamily(lower)) {
            List<String> sizes = lower.contains("pro")
                    ? List.of("720x1280", "1280x720", "1024x1792", "1792x1024")
                    : List.of("720x1280", "1280x720");
            return new ModelSpec(modelName, "OpenAI Sora", DurationField.SECONDS, ImageField.INPUT_REFERENCE,
                    false, List.of(4, 8, 12), sizes, DEFAULT_TIME_LIMIT);
        }
        String family = lower.startsWith("kling") ? "Kling" : lower.startsWith("jimeng") ? "Jimeng" : modelName;
        return new ModelSpec(modelName, family, DurationField.DURATION, ImageField.IMAGE, true,
                List.of(5, 10), List.of("1280x720", "720x1280", "960x960"), DEFAULT_TIME_LIMIT);
    }
}
