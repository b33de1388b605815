package dev.reelbot.bench;

import dev.reelbot.core.Requester;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The two {@link Contender}s: the bot's engine and the baseline's naive poller. */
final class Contenders {
    private Contenders() {
    }

    /** How the jobs of {@code load} ended, counted by the state {@code stateOf} gives each prompt's job. */
    static Map<String, Integer> count(Load load, Function<Integer, String> stateOf) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int n = 0; n < load.count(); n++) {
            counts.merge(Optional.ofNullable(stateOf.apply(n)).orElse("UNFINISHED"), 1, Integer::sum);
        }
        return counts;
    }

    /** The bot: commands go to its command handler, as a platform adapter hands them over. */
    record Bot(Engine engine, JobStore store) implements Contender {
        @Override
        public boolean handle(Requester who, String text, String key) {
            return engine.commands().handle(who, text, key).ok();
        }

        @Override
        public boolean awaitIdle(Duration timeout) throws InterruptedException {
            return engine.awaitIdle(timeout);
        }

        @Override
        public int trackedCount() {
            return engine.trackedCount();
        }

        Map<String, Integer> outcomes(Load load) {
            return count(load, n -> store.findByRequestKey(load.key(n)).map(Job::state).map(Enum::name)
                    .orElse(null));
        }
    }

    /** The baseline. */
    record Naive(NaivePoller poller) implements Contender {
        @Override
        public boolean handle(Requester who, String text, String key) {
            poller.handle(who, text);
            return true;
        }

        @Override
        public boolean awaitIdle(Duration timeout) throws InterruptedException {
            return poller.awaitIdle(timeout);
        }

        @Override
        public int trackedCount() {
            return poller.activeCount();
        }

        Map<String, Integer> outcomes(Load load) {
            return count(load, n -> poller.outcomeOf(load.prompt(n)));
        }
    }
}
