-- 0006 The question itself, only when the bot could not answer it, with names, e-mail addresses and phone
-- numbers taken out, so the school can turn it into a new FAQ entry. Deleted with the rest by retention.

ALTER TABLE faq_answers ADD COLUMN missed_question TEXT NULL;
