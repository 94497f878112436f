-- 0001 initial schema (PostgreSQL).
-- Instants are timestamptz, written in UTC. Enums are snake_case text. No table holds anything a
-- parent wrote, except alerts.excerpts when the school explicitly allows excerpts (see docs/storage.md).

CREATE TABLE conversation_links (
    platform        text NOT NULL,
    conversation_id text NOT NULL,
    groep           text NOT NULL,
    title           text NULL,
    linked_at       timestamptz NOT NULL,
    PRIMARY KEY (platform, conversation_id)
);

CREATE TABLE interventions (
    id               uuid NOT NULL PRIMARY KEY,
    kind             text NOT NULL,
    conversation_key text NOT NULL,
    groep            text NULL,
    recipient_label  text NOT NULL,
    topic            text NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    failure_reason   text NULL,
    attempts         integer NOT NULL DEFAULT 0
);

CREATE INDEX ix_interventions_created_at ON interventions (created_at);

CREATE TABLE alerts (
    id               uuid NOT NULL PRIMARY KEY,
    conversation_key text NOT NULL,
    groep            text NULL,
    level            text NOT NULL,
    severe           boolean NOT NULL,
    parent_count     integer NOT NULL,
    topic            text NOT NULL,
    window_start     timestamptz NOT NULL,
    window_end       timestamptz NOT NULL,
    summary          text NOT NULL,
    suggested_step   text NOT NULL,
    signals          text NOT NULL,
    excerpts         text NULL,
    recipient_label  text NOT NULL,
    status           text NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'claimed', 'resolved', 'false_alarm')),
    handled_by       text NULL,
    handled_at       timestamptz NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    failure_reason   text NULL
);

CREATE INDEX ix_alerts_created_at ON alerts (created_at);
CREATE INDEX ix_alerts_status_groep ON alerts (status, groep);

CREATE TABLE audit_entries (
    id          uuid NOT NULL PRIMARY KEY,
    actor       text NOT NULL,
    action      text NOT NULL,
    target_type text NOT NULL,
    target_id   text NOT NULL,
    occurred_at timestamptz NOT NULL
);

CREATE INDEX ix_audit_entries_target ON audit_entries (target_type, target_id);
