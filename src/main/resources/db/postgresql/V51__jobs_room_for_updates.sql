-- PostgreSQL only: a job row is rewritten at every step, so each page keeps a fifth free for the new versions of its
-- rows (heap-only updates: no index entry is written when only unindexed columns change, and vacuum has less to
-- do). SQLite updates in place and has no such setting.
ALTER TABLE jobs SET (fillfactor = 80);
