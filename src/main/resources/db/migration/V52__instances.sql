-- The instances sharing one database and when each last beat (epoch milliseconds): those that beat within a lease
-- are alive, and each takes an equal share of the chat platforms' budgets. SQLite is one process's own: empty there.
CREATE TABLE instances (
    id           TEXT   NOT NULL PRIMARY KEY,
    heartbeat_at BIGINT NOT NULL
);
