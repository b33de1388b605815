package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the bot can post, from the permissions an interaction states and from what Discord refused. */
class ChannelAccessTest {
    private final ChannelAccess access = new ChannelAccess();

    @Test
    void anInteractionsAppPermissionsSayWhetherTheProgressMessageCanBePosted() {
        access.remember("C1", "117760");
        access.remember("C2", "1024");
        access.remember("C3", null);
        access.remember("C4", "not a number");

        assertThat(access.canPost("C1")).as("view, send, embed links").isTrue();
        assertThat(access.canPost("C2")).as("view only").isFalse();
        assertThat(access.canPost("C3")).as("not said: assume it can").isTrue();
        assertThat(access.canPost("C4")).isTrue();
    }

    @Test
    void aRefusedPostClosesTheChannelUntilAPostThereWorks() {
        access.refused("C1");
        assertThat(access.canPost("C1")).isFalse();
        access.posted("C1");
        assertThat(access.canPost("C1")).isTrue();
    }
}
