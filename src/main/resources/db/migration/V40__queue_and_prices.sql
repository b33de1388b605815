-- What each job costs, at the price that applied when it was accepted, in millionths of the currency unit (so SQL
-- sums are exact), and the currency; NULL when its model has no price, as for jobs from before prices existed.
ALTER TABLE jobs ADD COLUMN price_micros BIGINT;
ALTER TABLE jobs ADD COLUMN price_currency TEXT;
-- When an admin moved a waiting job to the front of the line.
ALTER TABLE jobs ADD COLUMN bumped_at BIGINT;
-- Usage reports read jobs by when they were accepted; budgets by channel and workspace within a month.
CREATE INDEX jobs_by_created ON jobs (created_at);
CREATE INDEX jobs_by_channel ON jobs (platform, workspace, channel, created_at);
