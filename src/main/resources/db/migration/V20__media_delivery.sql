-- What became of a generated video, beyond its state: the link its message gives (the bot's own signed link, or
-- the video API's) with its expiry, its poster frame, where the bot keeps the original, and the admins' delivery
-- notice for a video no chat took (NONE, NEEDED, NOTIFYING, POSTED), with that notice's message.
ALTER TABLE jobs ADD COLUMN delivery_link TEXT;
ALTER TABLE jobs ADD COLUMN delivery_link_expires_at BIGINT;
ALTER TABLE jobs ADD COLUMN delivery_poster TEXT;
ALTER TABLE jobs ADD COLUMN delivery_kept TEXT;
ALTER TABLE jobs ADD COLUMN delivery_notice TEXT NOT NULL DEFAULT 'NONE';
ALTER TABLE jobs ADD COLUMN delivery_notice_channel TEXT;
ALTER TABLE jobs ADD COLUMN delivery_notice_id TEXT;
-- A generated video is no longer reported as a failure: FAILED deliveries are UNDELIVERED now. Earlier versions
-- raised a refund case for them, which stays as it was (admins resolve it as before); no delivery notice is added.
UPDATE jobs SET delivery_state = 'UNDELIVERED' WHERE delivery_state = 'FAILED';
-- Earlier versions showed a linked video at the API's result link: it is the link such jobs keep.
UPDATE jobs SET delivery_link = video_url, delivery_link_expires_at = expires_at WHERE delivery_state = 'LINKED';
