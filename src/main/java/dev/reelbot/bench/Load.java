package dev.reelbot.bench;

import dev.reelbot.core.Requester;

/**
 * Who sends a run's commands and what they say. Half the jobs are on a Slack-like platform, their workspaces
 * shared by {@code perWorkspace} jobs each (two to a channel); half on a Discord-like one, two to a channel; the
 * burst is one user on a chat without limits (it measures commands and creates, not messages). Each job has a
 * prompt of its own, by which the bench finds its trace (and the simulator counts its creates): the contender's
 * name ({@code by}) is in it, so the bot's and the baseline's jobs never share one.
 */
record Load(String by, String kind, int count, int perWorkspace) {

    static final String SLACK = "slack";
    static final String DISCORD = "discord";
    static final String BURST = "burst";

    /** The requester of command {@code n}. */
    Requester requester(int n) {
        if (kind.equals(BURST)) {
            return new Requester(BURST, "burst", "burst-channel", "burst-user", "burst user");
        }
        int pair = n / 2;
        String user = "user-" + n % 200;
        if (n % 2 == 0) {
            String workspace = "ws-" + pair / perWorkspace;
            return new Requester(SLACK, workspace, workspace + "-c" + pair / 2, user, user);
        }
        return new Requester(DISCORD, "guild", "d-" + pair / 2, user, user);
    }

    String prompt(int n) {
        return by + " " + kind + " video number " + n;
    }

    String command(int n) {
        return prompt(n) + " --duration 4";
    }

    /** A key of its own per command, as a platform's command id. */
    String key(int n) {
        return by + "-" + kind + "-" + n;
    }
}
