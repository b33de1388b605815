-- Why a job failed, as a message key with its arguments, so the requester reads it in their language and the
-- admins in theirs (messages.admin-locale); failure_message keeps the English, which older jobs have alone.
ALTER TABLE jobs ADD COLUMN failure_words TEXT;
