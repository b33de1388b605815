-- When the first attempt to upload a job's video began (epoch milliseconds), written before it goes out: an upload
-- found started after a restart or a takeover may have landed, so the next attempt looks for it before uploading.
ALTER TABLE jobs ADD COLUMN delivery_upload_started_at BIGINT;
