package dev.reelbot.core.queue;

import dev.reelbot.core.job.JobStore;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many jobs are in flight between two passes, for what the API's answers teach the {@link CapacityGate}: those
 * the last pass counted (the jobs at the API, which the store counts without reading them, and the jobs being sent,
 * which it read), those the API accepted since, and those being sent now that it did not count. Each answer costs
 * a look at the few jobs being sent, never a copy of the thousands at the API.
 *
 * <p>Threading: not thread-safe; the queue uses it under its lock.
 */
final class InFlightCount {
    private static final Logger log = LoggerFactory.getLogger(InFlightCount.class);
    private int atApi;
    private Set<String> sendingAtPass = Set.of();
    private final Set<String> acceptedSince = new HashSet<>();

    /** What a pass read. */
    void passed(Line line) {
        atApi = line.atApiCount();
        sendingAtPass = line.sending();
        acceptedSince.clear();
    }

    /**
     * Counts the jobs at the API afresh from the store (no pass did lately); a store that cannot say leaves the count
     * as it was.
     */
    void recount(JobStore store) {
        try {
            atApi = store.atApiByRequester().values().stream().mapToInt(Integer::intValue).sum();
            sendingAtPass = Set.of();
            acceptedSince.clear();
        } catch (RuntimeException e) {
            log.warn("could not count the jobs in flight after a refusal: {}", e.toString());
        }
    }

    /** The API accepted the job's create; returns the jobs in flight now, the job included. */
    int accepted(String jobId, Set<String> starting) {
        if (!sendingAtPass.contains(jobId)) {
            acceptedSince.add(jobId);
        }
        return count(starting);
    }

    /** The API refused the job's create; returns the other jobs in flight now. */
    int refused(String jobId, Set<String> starting) {
        acceptedSince.remove(jobId);
        boolean counted = sendingAtPass.contains(jobId) || starting.contains(jobId);
        return count(starting) - (counted ? 1 : 0);
    }

    private int count(Set<String> starting) {
        int flying = atApi + sendingAtPass.size() + acceptedSince.size();
        for (String jobId : starting) {
            if (!sendingAtPass.contains(jobId) && !acceptedSince.contains(jobId)) {
                flying++;
            }
        }
        return flying;
    }
}
