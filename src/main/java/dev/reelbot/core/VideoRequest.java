package dev.reelbot.core;

import java.util.Objects;

/**
 * What a user asked the video API for. Every optional field is {@code null} when the user did not set it, so the
 * API request carries only what the user chose and the model's own defaults apply to the rest.
 *
 * @param prompt         the text description, never blank
 * @param model          the model id, one of the configured {@link ModelSpec}s
 * @param seconds        the duration in seconds
 * @param size           the resolution as {@code WxH}
 * @param aspectRatio    the aspect ratio the user typed ({@code 16:9}), already mapped to {@code size}
 * @param fps            frames per second
 * @param seed           the random seed
 * @param count          how many videos ({@code n})
 * @param negativePrompt what the video should not show
 * @param style          a model-specific style word
 * @param quality        a model-specific quality level
 * @param imageUrl       an {@code https://} reference image
 * @param endUser        an opaque id of the requester for the API's abuse monitoring
 */
public record VideoRequest(
        String prompt,
        String model,
        Integer seconds,
        String size,
        String aspectRatio,
        Integer fps,
        Long seed,
        Integer count,
        String negativePrompt,
        String style,
        String quality,
        String imageUrl,
        String endUser) {

    public VideoRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(model, "model");
        if (prompt.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("prompt and model must not be blank");
        }
    }

    /** A builder starting from a prompt and a model. */
    public static Builder builder(String prompt, String model) {
        return new Builder(prompt, model);
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(prompt, model).seconds(seconds).size(size).aspectRatio(aspectRatio).fps(fps).seed(seed)
                .count(count).negativePrompt(negativePrompt).style(style).quality(quality).imageUrl(imageUrl)
                .endUser(endUser);
    }

    /** Builds a {@link VideoRequest} field by field; unset fields stay {@code null}. */
    public static final class Builder {
        private final String prompt;
        private final String model;
        private Integer seconds;
        private String size;
        private String aspectRatio;
        private Integer fps;
        private Long seed;
        private Integer count;
        private String negativePrompt;
        private String style;
        private String quality;
        private String imageUrl;
        private String endUser;

        private Builder(String prompt, String model) {
            this.prompt = prompt;
            this.model = model;
        }

        public Builder seconds(Integer v) { seconds = v; return this; }
        public Builder size(String v) { size = v; return this; }
        public Builder aspectRatio(String v) { aspectRatio = v; return this; }
        public Builder fps(Integer v) { fps = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder count(Integer v) { count = v; return this; }
        public Builder negativePrompt(String v) { negativePrompt = v; return this; }
        public Builder style(String v) { style = v; return this; }
        public Builder quality(String v) { quality = v; return this; }
        public Builder imageUrl(String v) { imageUrl = v; return this; }
        public Builder endUser(String v) { endUser = v; return this; }

        public VideoRequest build() {
            return new VideoRequest(prompt, model, seconds, size, aspectRatio, fps, seed, count, negativePrompt,
                    style, quality, imageUrl, endUser);
        }
    }
}
