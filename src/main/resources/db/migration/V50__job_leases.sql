-- Which instance steps a job when several share one PostgreSQL database: the holder's id and until when it holds the
-- job (epoch milliseconds; renewed by its heartbeat). A job no instance holds, or whose hold has expired, is taken
-- over by another. SQLite is one process's own: the columns stay empty there.
ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_expires_at BIGINT;
CREATE INDEX jobs_leases ON jobs (lease_owner) WHERE settled = 0;
