package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VideoBytesTest {

    private static boolean looksLikeVideo(byte[] bytes) {
        return VideoBytes.looksLikeVideo(bytes, bytes.length);
    }

    @Test
    void acceptsMp4QuickTimeAndWebm() {
        assertThat(looksLikeVideo(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'})).isTrue();
        assertThat(looksLikeVideo(new byte[] {0, 0, 0, 0x08, 'w', 'i', 'd', 'e', 0, 0, 0, 0})).isTrue();
        assertThat(looksLikeVideo(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 0, 0, 0})).isTrue();
    }

    @Test
    void refusesErrorPagesAndScraps() {
        assertThat(looksLikeVideo("<!DOCTYPE html><html>".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(looksLikeVideo("{\"error\":{\"message\":\"x\"}}".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(looksLikeVideo(new byte[0])).isFalse();
        assertThat(looksLikeVideo(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y'})).as("truncated").isFalse();
    }
}
