package dev.reelbot.app;

import dev.reelbot.config.StoreConfig;
import dev.reelbot.core.ShardLocks;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.store.Connections;
import dev.reelbot.store.Databases;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.JdbcLeases;
import dev.reelbot.store.PgShardLocks;
import dev.reelbot.web.Health;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The job database {@code run} uses: the store, its health, and, when several instances share it (PostgreSQL), this
 * instance's id and leases; on SQLite the process owns the file and every job is its own.
 *
 * @param connections the database
 * @param jobs        the job store on it
 * @param leases      this instance's leases, or {@link JobLeases#SOLE}
 * @param config      where the database is (the shard locks open a connection of their own)
 */
public record StoreSetup(Connections connections, JobStore jobs, JobLeases leases, StoreConfig config)
        implements AutoCloseable {

    /** Opens (and migrates) the database of {@code config}; a pool holds at most {@code poolSize} connections. */
    public static StoreSetup open(StoreConfig config, int poolSize) {
        Connections connections = Databases.open(config.url(), config.user(), config.password(), poolSize);
        JobLeases leases = config.shared() ? new JdbcLeases(connections, instanceId(), config.leaseTtl())
                : JobLeases.SOLE;
        return new StoreSetup(connections, new JdbcJobStore(connections), leases, config);
    }

    /**
     * Which instance holds each gateway shard of {@code name}: on PostgreSQL an advisory lock per shard; on SQLite
     * this process owns the store, so it holds every shard.
     */
    public ShardLocks shardLocks(String name) {
        return config.shared() ? new PgShardLocks(config.url(), config.user(), config.password(), name)
                : ShardLocks.SOLE;
    }

    /** The store's part in the health report (readiness too): down while it does not answer or cannot write. */
    public Health health() {
        return connections.problem().map(Health::down).orElseGet(() -> Health.up(connections + " answers"));
    }

    /**
     * An id no other instance has, not even this one after a restart (its old leases must expire, not be renewed):
     * host, process id, and a random suffix against pid reuse in containers.
     */
    static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    @Override
    public void close() {
        connections.close();
    }
}
