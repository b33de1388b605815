package dev.reelbot.bench;

import dev.reelbot.core.Requester;
import java.time.Duration;

/** What the bench drives with its load: the bot's engine, or the baseline's naive poller. */
interface Contender {

    /** Handles one command as a platform would hand it over; returns whether it was accepted. */
    boolean handle(Requester who, String text, String key);

    /** Waits until every job has finished, or the timeout passes; returns whether all have. */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** How many jobs have work left. */
    int trackedCount();
}
