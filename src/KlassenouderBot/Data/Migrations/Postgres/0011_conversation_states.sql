-- 0011 Escalation state shared by the instances (Storage:SharedConversationState, on by default with
-- PostgreSQL): one row per conversation, locked while one instance updates it, so the heat one instance saw
-- is where the next message on another instance starts. Verdicts, heat and cooldowns as JSON; authors as
-- pseudonyms; no message text. Deleted a day after the conversation went quiet.

CREATE TABLE conversation_states (
    conversation_key text NOT NULL PRIMARY KEY,
    state            text NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE INDEX ix_conversation_states_updated_at ON conversation_states (updated_at);
