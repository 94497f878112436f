-- 0002 FAQ answers (PostgreSQL): that the bot answered a question, from which entry or guide section,
-- how sure, and whether a parent said it did not help. The question itself is not stored.

CREATE TABLE faq_answers (
    id               uuid NOT NULL PRIMARY KEY,
    conversation_key text NOT NULL,
    groep            text NULL,
    faq_id           text NULL,
    source           text NULL,
    answered         boolean NOT NULL,
    confidence       double precision NOT NULL,
    not_helpful_at   timestamptz NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX ix_faq_answers_created_at ON faq_answers (created_at);
CREATE INDEX ix_faq_answers_conversation ON faq_answers (conversation_key, created_at);
