-- One row per job: everything needed to resume it after a restart. Plain SQL that SQLite and PostgreSQL share.
-- Times are epoch milliseconds. Booleans are 0/1 integers.
CREATE TABLE jobs (
    id                TEXT    NOT NULL PRIMARY KEY,
    version           BIGINT  NOT NULL,
    request_key       TEXT    NOT NULL UNIQUE,

    platform          TEXT    NOT NULL,
    workspace         TEXT    NOT NULL,
    channel           TEXT    NOT NULL,
    user_id           TEXT    NOT NULL,
    user_name         TEXT    NOT NULL,

    prompt            TEXT    NOT NULL,
    model             TEXT    NOT NULL,
    seconds           INTEGER,
    size              TEXT,
    aspect_ratio      TEXT,
    fps               INTEGER,
    seed              BIGINT,
    video_count       INTEGER,
    negative_prompt   TEXT,
    style             TEXT,
    quality           TEXT,
    image_url         TEXT,
    end_user          TEXT,

    state             TEXT    NOT NULL,
    failure_message   TEXT,
    failure_code      TEXT,

    created_at        BIGINT  NOT NULL,
    submitted_at      BIGINT,
    updated_at        BIGINT  NOT NULL,
    finished_at       BIGINT,
    progress_at       BIGINT,

    task_id           TEXT,
    api_status        TEXT,
    progress          INTEGER NOT NULL,
    video_url         TEXT,
    expires_at        BIGINT,
    poll_errors       INTEGER NOT NULL,
    missing_polls     INTEGER NOT NULL,

    delivery_state    TEXT    NOT NULL,
    delivery_attempts INTEGER NOT NULL,
    delivery_note     TEXT,

    message_channel   TEXT,
    message_id        TEXT,
    message_shown     TEXT,
    message_shown_at  BIGINT,
    final_shown       INTEGER NOT NULL,

    refund_state      TEXT    NOT NULL,
    refund_reason     TEXT,
    notice_channel    TEXT,
    notice_id         TEXT,
    resolved_by       TEXT,
    resolved_note     TEXT,
    resolved_at       BIGINT,

    settled           INTEGER NOT NULL
);

CREATE INDEX jobs_unsettled ON jobs (settled) WHERE settled = 0;
CREATE INDEX jobs_by_user ON jobs (platform, user_id, created_at);
CREATE INDEX jobs_open_refunds ON jobs (refund_state) WHERE refund_state <> 'NONE';
