package dev.reelbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Secret;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signed video links: only the secret makes a valid token, for one job, until its expiry. */
class SignedLinksTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final SignedLinks links = new SignedLinks("https://reelbot.example.com/",
            Secret.of("a-media-link-secret-0123456789"));

    @Test
    void aLinkNamesTheJobAndCarriesATokenThatChecksUntilItsExpiry() {
        Instant expires = NOW.plusSeconds(3600);
        String video = links.video("abcd2345", expires);
        assertThat(video).matches("https://reelbot\\.example\\.com/v/abcd2345/[A-Za-z0-9_-]{54}\\.mp4");
        String token = video.substring(video.lastIndexOf('/') + 1, video.length() - 4);
        assertThat(links.poster("abcd2345", expires)).endsWith("/" + token + ".jpg");

        assertThat(links.check("abcd2345", token, NOW)).isEqualTo(SignedLinks.Check.VALID);
        assertThat(links.check("abcd2345", token, expires.minusSeconds(1))).isEqualTo(SignedLinks.Check.VALID);
        assertThat(links.check("abcd2345", token, expires)).isEqualTo(SignedLinks.Check.EXPIRED);
    }

    @Test
    void aTokenForAnotherJobAnotherSecretOrWithAnyByteChangedIsBad() {
        String token = links.token("abcd2345", NOW.plusSeconds(60));
        assertThat(links.check("abcd2346", token, NOW)).isEqualTo(SignedLinks.Check.BAD);
        assertThat(new SignedLinks("https://x", Secret.of("another-secret-0123456789")).check("abcd2345", token, NOW))
                .isEqualTo(SignedLinks.Check.BAD);
        for (int i = 0; i < token.length(); i++) {
            char changed = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + changed + token.substring(i + 1);
            assertThat(links.check("abcd2345", tampered, NOW)).as("byte %d changed", i)
                    .isEqualTo(SignedLinks.Check.BAD);
        }
        assertThat(links.check("abcd2345", "short", NOW)).isEqualTo(SignedLinks.Check.BAD);
        assertThat(links.check("abcd2345", token + "A", NOW)).isEqualTo(SignedLinks.Check.BAD);
    }

    @Test
    void anExpiryMovedLaterBreaksTheSignature() {
        String token = links.token("abcd2345", NOW.minusSeconds(1));
        String later = links.token("abcd2345", NOW.plusSeconds(86_400));
        // The expiry is the first 8 bytes (the first 11 characters carry them): take them from a later token.
        String forged = later.substring(0, 10) + token.substring(10);
        assertThat(links.check("abcd2345", token, NOW)).isEqualTo(SignedLinks.Check.EXPIRED);
        assertThat(links.check("abcd2345", forged, NOW)).isEqualTo(SignedLinks.Check.BAD);
    }

    @Test
    void theSecretNeverShows() {
        assertThat(links.toString()).doesNotContain("a-media-link-secret");
    }
}
