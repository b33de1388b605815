-- The key of the post that made (or is making) a job's message, written before the post is attempted, so a retry
-- or a restart finds the message instead of posting a second one.
ALTER TABLE jobs ADD COLUMN message_post_key TEXT;
