-- Learned finish times are kept latest by the job's submission, not by when it was seen completed: among jobs
-- submitted together the last to complete are the longest, so the latest completions were a sample of long runs
-- only (after a burst, every short run had been dropped and the learned windows started far too late).
-- Rows already kept hold their completion time, close enough to their submission to order them.
ALTER TABLE run_times RENAME COLUMN learned_at TO submitted_at;
