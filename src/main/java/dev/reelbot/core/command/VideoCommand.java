package dev.reelbot.core.command;

import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.billing.UsagePeriod;

/** What a user asked the bot for, whatever platform they typed it on. */
public sealed interface VideoCommand {

    /** Make a video. */
    record Generate(VideoRequest request) implements VideoCommand {
    }

    /** Show how to use the bot. */
    record Help() implements VideoCommand {
    }

    /** List the models offered here. */
    record Models() implements VideoCommand {
    }

    /** List the user's recent jobs. */
    record ListJobs() implements VideoCommand {
    }

    /** Show one job. */
    record Status(String jobId) implements VideoCommand {
    }

    /** Your own usage this month, and what you may still start. */
    record Usage() implements VideoCommand {
    }

    /** Admins: usage over a period, per user, channel and model. */
    record AdminUsage(UsagePeriod period) implements VideoCommand {
    }

    /** Admins: move a waiting job to the front of the line. */
    record AdminBump(String jobId) implements VideoCommand {
    }

    /** Admins: list open refund cases. */
    record AdminRefunds() implements VideoCommand {
    }

    /** Admins: mark a refund case resolved. */
    record AdminResolve(String jobId, String note) implements VideoCommand {
    }
}
