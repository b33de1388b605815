package dev.reelbot.core.engine;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.testing.RecordingChatPort;
import dev.reelbot.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * A schema of the real test PostgreSQL that several engines share, as instances share a database: what the tests of
 * several instances stand on. Their steps run on the test's thread (sends too, unless a pool is given).
 */
final class SharedDatabase implements AutoCloseable {
    private final TestPostgres.Schema schema;
    final Connections db;
    final JdbcJobStore store;

    private SharedDatabase(TestPostgres.Schema schema) {
        this.schema = schema;
        this.db = schema.open();
        this.store = new JdbcJobStore(db);
    }

    /** A schema of its own; skips the test (or fails it under CI) when no PostgreSQL answers. */
    static SharedDatabase open() {
        return new SharedDatabase(TestPostgres.schema());
    }

    /** What an engine on this database is made of, leases aside. */
    static Engine.Parts parts(JobStore jobs, VideoApi api, RecordingChatPort chat, Quotas quotas, Admins admins,
                              Path videos) {
        return new Engine.Parts(jobs, api, List.of(chat), EngineHarness.DEFAULT_MODELS, Limits.DEFAULTS, quotas,
                admins, EngineSettings.defaults(videos), 64L * 1024 * 1024, "/video", EngineMetrics.NONE,
                MediaParts.NONE);
    }

    /** An engine whose steps run on the calling thread, and its sends on {@code submitters} when given. */
    static Engine engine(Engine.Parts parts, ExecutorService submitters, Clock clock) {
        return new Engine(parts, Runnable::run, submitters == null ? Runnable::run : submitters, Runnable::run,
                Runnable::run, clock);
    }

    @Override
    public void close() {
        db.close();
        schema.close();
    }
}
