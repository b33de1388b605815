-- Learned finish times: one row per completed job, whichever instance polled it (the job id makes a second save of
-- the same sample a no-op), the latest few hundred of each model and requested duration kept. Times are milliseconds
-- after the job's submission; steps holds, for each tenth of progress the job was seen at, "tenth:after-by".
CREATE TABLE run_times (
    job_id     TEXT    NOT NULL PRIMARY KEY,
    model      TEXT    NOT NULL,
    seconds    INTEGER NOT NULL,
    learned_at BIGINT  NOT NULL,
    run_after  BIGINT  NOT NULL,
    run_by     BIGINT  NOT NULL,
    steps      TEXT    NOT NULL
);
CREATE INDEX run_times_by_kind ON run_times (model, seconds, learned_at);
