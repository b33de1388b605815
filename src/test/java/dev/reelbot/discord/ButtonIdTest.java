package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ButtonIdTest {
    @Test
    void aButtonIdRoundTripsThroughItsCustomId() {
        ButtonId id = new ButtonId(ButtonId.Action.RESOLVE, "abcd2345");

        assertThat(id.customId()).isEqualTo("reelbot:resolve:abcd2345");
        assertThat(ButtonId.parse(id.customId())).contains(id);
        assertThat(ButtonId.parse("reelbot:reroll:ABCD2345")).contains(new ButtonId(ButtonId.Action.REROLL,
                "abcd2345"));
    }

    @Test
    void foreignOrMalformedIdsAreNotOurs() {
        assertThat(ButtonId.parse("other:reroll:abcd2345")).isEmpty();
        assertThat(ButtonId.parse("reelbot:explode:abcd2345")).isEmpty();
        assertThat(ButtonId.parse("reelbot:reroll:not-a-job")).isEmpty();
        assertThat(ButtonId.parse("reelbot:reroll:abcd2345:x")).isEmpty();
        assertThat(ButtonId.parse(null)).isEmpty();
    }
}
