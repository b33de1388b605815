package dev.reelbot.core.render;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a job not yet sent stands in the bot's queue, as its message shows it.
 *
 * @param place    1 for the next to go
 * @param estimate about how long until it is sent, from recent run times of the models ahead; {@code null} when
 *                 there is nothing to estimate from yet
 * @param ownLimit whether it waits for its requester's own jobs in progress (their per-user limit) rather than for
 *                 the video API's capacity
 */
public record WaitingPlace(int place, Duration estimate, boolean ownLimit) {

    /** Where each waiting job stands, by job id; what the renderer reads while it renders. */
    public interface Lookup {
        Lookup NONE = jobId -> Optional.empty();

        Optional<WaitingPlace> of(String jobId);
    }
}
