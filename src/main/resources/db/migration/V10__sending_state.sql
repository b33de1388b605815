-- A job whose create request has not been sent stays SUBMITTING and may still be sent; one marked SENDING (just
-- before its request goes out) is never sent again. Earlier versions had no such mark, so a row they left
-- SUBMITTING may have been sent: it becomes SENDING, and its next step reports it outcome-unknown.
UPDATE jobs SET state = 'SENDING' WHERE state = 'SUBMITTING';
