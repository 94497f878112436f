-- 0010 Every intervention goes through the outbox: what was kept for held alerts is now kept for every
-- delivery until it is sent; an instance owns a delivery while sending (lease), marks an attempt as started
-- just before the send, and after the last failed attempt the delivery becomes a dead letter the admin app
-- shows (sent again or dismissed there).

ALTER TABLE interventions RENAME COLUMN held_delivery TO pending_delivery;
ALTER TABLE interventions ADD COLUMN lease_until timestamptz NULL;
ALTER TABLE interventions ADD COLUMN attempt_started_at timestamptz NULL;
ALTER TABLE interventions ADD COLUMN dead_lettered_at timestamptz NULL;
ALTER TABLE interventions ADD COLUMN dismissed_at timestamptz NULL;
CREATE INDEX ix_interventions_dead_lettered_at ON interventions (dead_lettered_at);
