package dev.reelbot.videoapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.InlineImage;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.VideoRequest;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Turns a {@link VideoRequest} into the multipart form of {@code POST /v1/videos}, shaped for its model: only the
 * fields the user set, {@code seconds} (a string) or {@code duration} (an integer), the image as a URL or a file
 * part, and model-specific extras in {@code metadata} as a JSON string.
 */
final class CreateForm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CreateForm() {
    }

    /**
     * Builds the body; the result is one-shot so that OkHttp can never send it a second time by itself.
     *
     * @param image the fetched reference image when the model takes {@code input_reference}, else {@code null}
     */
    static RequestBody build(VideoRequest request, ModelSpec spec, ReferenceImage image) {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        form.addFormDataPart("model", request.model());
        form.addFormDataPart("prompt", request.prompt());
        if (request.seconds() != null) {
            String field = spec.durationField() == ModelSpec.DurationField.SECONDS ? "seconds" : "duration";
            form.addFormDataPart(field, Integer.toString(request.seconds()));
        }
        addIfSet(form, "size", request.size());
        addIfSet(form, "fps", request.fps());
        addIfSet(form, "n", request.count());
        addIfSet(form, "seed", request.seed());
        addIfSet(form, "user", request.endUser());
        if (request.imageUrl() != null) {
            if (spec.imageField() == ModelSpec.ImageField.INPUT_REFERENCE) {
                if (image == null) {
                    throw new IllegalArgumentException("model " + spec.name() + " needs the image as a file");
                }
                form.addFormDataPart("input_reference", image.filename(),
                        RequestBody.create(image.bytes(), MediaType.get(image.mediaType())));
            } else {
                // An inline image goes as bare base64 (what Kling and Jimeng take); a link as it is.
                form.addFormDataPart("image", InlineImage.parse(request.imageUrl()).map(InlineImage::base64)
                        .orElse(request.imageUrl()));
            }
        }
        String metadata = metadata(request, spec);
        if (metadata != null) {
            form.addFormDataPart("metadata", metadata);
        }
        return new OneShot(form.build());
    }

    /** The model-specific extras as a JSON string, or {@code null} when there are none. */
    static String metadata(VideoRequest request, ModelSpec spec) {
        ObjectNode node = JSON.createObjectNode();
        putIfSet(node, "negative_prompt", request.negativePrompt());
        putIfSet(node, "style", request.style());
        putIfSet(node, "quality_level", request.quality());
        if (spec.aspectRatioInMetadata()) {
            putIfSet(node, "aspect_ratio", request.aspectRatio());
        }
        return node.isEmpty() ? null : node.toString();
    }

    private static void addIfSet(MultipartBody.Builder form, String name, Object value) {
        if (value != null) {
            form.addFormDataPart(name, value.toString());
        }
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** Delegates to the form but declares itself one-shot: OkHttp never retries or replays a one-shot body. */
    private static final class OneShot extends RequestBody {
        private final RequestBody delegate;

        OneShot(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }
    }
}
