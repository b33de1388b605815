-- The capacity queue's pass reads the jobs waiting to be sent (or being sent) in full, and only counts the jobs at
-- the API per requester: with 10,000 jobs at the API, reading them all several times a second cost more than the
-- jobs' own polls. These partial indexes hold only those rows, so each read costs what it returns; the second also
-- serves the counts of jobs in flight as a job is marked SENDING.
CREATE INDEX jobs_in_line ON jobs (created_at) WHERE settled = 0 AND state IN ('SUBMITTING', 'WAITING', 'SENDING');
CREATE INDEX jobs_in_flight ON jobs (platform, user_id, state, id)
    WHERE settled = 0 AND state IN ('SENDING', 'QUEUED', 'RUNNING');
