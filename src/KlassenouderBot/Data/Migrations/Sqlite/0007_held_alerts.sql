-- 0007 Alerts held until the school's quiet hours end (when the school chose that in the admin app): when
-- to send, and what is needed to send then (the conversation's address and the alert, never a parent's
-- message). Cleared once sent.

ALTER TABLE interventions ADD COLUMN send_after TEXT NULL;
ALTER TABLE interventions ADD COLUMN held_delivery TEXT NULL;
CREATE INDEX ix_interventions_send_after ON interventions (send_after);
