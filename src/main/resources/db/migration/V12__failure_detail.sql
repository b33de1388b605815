-- The technical cause of a failure (an exception, a platform's error code), kept apart from the plain words shown
-- to the requester: for the log, /video status and the admins.
ALTER TABLE jobs ADD COLUMN failure_detail TEXT;
