package dev.reelbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void soraDefaultsUseSecondsSizeAndInputReference() {
        ModelSpec sora = ModelSpec.defaultsFor("sora-2");
        assertThat(sora.durationField()).isEqualTo(ModelSpec.DurationField.SECONDS);
        assertThat(sora.imageField()).isEqualTo(ModelSpec.ImageField.INPUT_REFERENCE);
        assertThat(sora.durations()).containsExactly(4, 8, 12);
        assertThat(sora.sizes()).containsExactly("720x1280", "1280x720");
        assertThat(ModelSpec.defaultsFor("Sora-2-Pro").sizes()).contains("1792x1024", "1024x1792");
    }

    @Test
    void otherModelsUseDurationAndImageUrl() {
        for (String name : List.of("kling-v2-1", "jimeng-video-3.0", "someone-else")) {
            ModelSpec spec = ModelSpec.defaultsFor(name);
            assertThat(spec.durationField()).isEqualTo(ModelSpec.DurationField.DURATION);
            assertThat(spec.imageField()).isEqualTo(ModelSpec.ImageField.IMAGE);
            assertThat(spec.aspectRatioInMetadata()).isTrue();
        }
    }

    @Test
    void firstModelIsTheDefaultAndUnknownNamesGetFamilyDefaults() {
        ModelCatalog catalog = new ModelCatalog(List.of(ModelSpec.defaultsFor("kling-v2-1"),
                ModelSpec.defaultsFor("sora-2")));
        assertThat(catalog.defaultModel().name()).isEqualTo("kling-v2-1");
        assertThat(catalog.names()).containsExactly("kling-v2-1", "sora-2");
        assertThat(catalog.find("sora-9")).isEmpty();
        assertThat(catalog.specFor("sora-9").durationField()).isEqualTo(ModelSpec.DurationField.SECONDS);
    }

    @Test
    void duplicatesAndEmptyCatalogsAreRefused() {
        assertThatThrownBy(() -> new ModelCatalog(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelCatalog(List.of(ModelSpec.defaultsFor("a"), ModelSpec.defaultsFor("a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
