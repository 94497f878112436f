-- 0009 Incoming messages already handled, so a platform's redelivery that reaches another instance is not
-- handled twice. Only a SHA-256 of the conversation, message id and text is kept (never the id or the text
-- itself), and only for a day.

CREATE TABLE processed_messages (
    key        TEXT NOT NULL PRIMARY KEY,
    claimed_at TEXT NOT NULL
);

CREATE INDEX ix_processed_messages_claimed_at ON processed_messages (claimed_at);
