-- 0002 FAQ answers (SQLite): that the bot answered a question, from which entry or guide section, how
-- sure, and whether a parent said it did not help. The question itself is not stored.

CREATE TABLE faq_answers (
    id               TEXT NOT NULL PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    groep            TEXT NULL,
    faq_id           TEXT NULL,
    source           TEXT NULL,
    answered         INTEGER NOT NULL,
    confidence       REAL NOT NULL,
    not_helpful_at   TEXT NULL,
    created_at       TEXT NOT NULL
);

CREATE INDEX ix_faq_answers_created_at ON faq_answers (created_at);
CREATE INDEX ix_faq_answers_conversation ON faq_answers (conversation_key, created_at);
