-- The language the requester is answered in (en, zh-CN, es): the job's progress, final message and the answers
-- about it stay in the language of the command that started it. Jobs from before were answered in English.
ALTER TABLE jobs ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
