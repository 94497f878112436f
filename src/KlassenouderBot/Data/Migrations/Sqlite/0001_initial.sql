-- 0001 initial schema (SQLite).
-- Instants are fixed-width UTC ISO-8601 text (2025-01-31T07:05:00.0000000Z): text order is time order.
-- Enums are snake_case text. No table holds anything a parent wrote, except alerts.excerpts when the
-- school explicitly allows excerpts (see docs/storage.md).

CREATE TABLE conversation_links (
    platform        TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    groep           TEXT NOT NULL,
    title           TEXT NULL,
    linked_at       TEXT NOT NULL,
    PRIMARY KEY (platform, conversation_id)
);

CREATE TABLE interventions (
    id               TEXT NOT NULL PRIMARY KEY,
    kind             TEXT NOT NULL,
    conversation_key TEXT NOT NULL,
    groep            TEXT NULL,
    recipient_label  TEXT NOT NULL,
    topic            TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    delivered_at     TEXT NULL,
    failure_reason   TEXT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX ix_interventions_created_at ON interventions (created_at);

CREATE TABLE alerts (
    id               TEXT NOT NULL PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    groep            TEXT NULL,
    level            TEXT NOT NULL,
    severe           INTEGER NOT NULL,
    parent_count     INTEGER NOT NULL,
    topic            TEXT NOT NULL,
    window_start     TEXT NOT NULL,
    window_end       TEXT NOT NULL,
    summary          TEXT NOT NULL,
    suggested_step   TEXT NOT NULL,
    signals          TEXT NOT NULL,
    excerpts         TEXT NULL,
    recipient_label  TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'claimed', 'resolved', 'false_alarm')),
    handled_by       TEXT NULL,
    handled_at       TEXT NULL,
    created_at       TEXT NOT NULL,
    delivered_at     TEXT NULL,
    failure_reason   TEXT NULL
);

CREATE INDEX ix_alerts_created_at ON alerts (created_at);
CREATE INDEX ix_alerts_status_groep ON alerts (status, groep);

CREATE TABLE audit_entries (
    id          TEXT NOT NULL PRIMARY KEY,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    occurred_at TEXT NOT NULL
);

CREATE INDEX ix_audit_entries_target ON audit_entries (target_type, target_id);
