package dev.reelbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverPrintsItself() {
        Secret secret = Secret.of("sk-live-0123456789abcdef");
        assertThat(secret.toString()).isEqualTo("****cdef").doesNotContain("0123456789");
        assertThat(String.valueOf(secret)).doesNotContain("sk-live");
        assertThat(secret.reveal()).isEqualTo("sk-live-0123456789abcdef");
    }

    @Test
    void shortSecretsShowNothingAtAll() {
        assertThat(Secret.of("k").masked()).isEqualTo("****");
        assertThat(Secret.of("short-secret").masked()).isEqualTo("****");
    }

    @Test
    void blankIsRefused() {
        assertThatThrownBy(() -> Secret.of("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
