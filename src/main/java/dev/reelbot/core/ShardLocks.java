package dev.reelbot.core;

/**
 * Which gateway shards this instance holds, among the instances sharing one store: at most one instance holds a
 * shard at a time, and a shard whose holder died (its lock's connection ended) is free for another to take.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface ShardLocks extends AutoCloseable {
    /** One process owns the store (SQLite): it holds every shard, always. */
    ShardLocks SOLE = new ShardLocks() {
        @Override
        public boolean tryHold(int shard) {
            return true;
        }

        @Override
        public boolean holds(int shard) {
            return true;
        }

        @Override
        public void release(int shard) {
            // Nobody else could take it.
        }

        @Override
        public void close() {
            // Nothing held outside this process.
        }
    };

    /** Takes the shard if no instance holds it; whether this instance holds it now. Never waits for it. */
    boolean tryHold(int shard);

    /** Whether this instance still holds the shard: false once the lock may have passed to another instance. */
    boolean holds(int shard);

    /** Lets another instance take the shard. */
    void release(int shard);

    /** Releases every shard this instance holds. */
    @Override
    void close();
}
