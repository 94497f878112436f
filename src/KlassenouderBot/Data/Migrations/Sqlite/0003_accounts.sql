-- 0003 Accounts (SQLite): sign-ins for the admin app. Passwords are Identity's salted PBKDF2 hashes;
-- lockout after repeated failures is kept per account.

CREATE TABLE accounts (
    id                  TEXT NOT NULL PRIMARY KEY,
    email               TEXT NOT NULL,
    normalized_email    TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    password_hash       TEXT NULL,
    security_stamp      TEXT NOT NULL,
    role                TEXT NOT NULL,
    groepen             TEXT NOT NULL,
    access_failed_count INTEGER NOT NULL,
    lockout_end         TEXT NULL,
    created_at          TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_accounts_normalized_email ON accounts (normalized_email);
