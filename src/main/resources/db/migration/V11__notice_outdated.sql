-- Whether a refund notice must still be edited to show that an admin resolved the case: durable, so the edit is
-- retried (after a rate limit, a failure or a restart) until the chat took it. Cases resolved before this
-- version are taken as shown.
ALTER TABLE jobs ADD COLUMN notice_outdated INTEGER NOT NULL DEFAULT 0;
