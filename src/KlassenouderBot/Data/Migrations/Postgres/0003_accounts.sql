-- 0003 Accounts (PostgreSQL): sign-ins for the admin app. Passwords are Identity's salted PBKDF2 hashes;
-- lockout after repeated failures is kept per account.

CREATE TABLE accounts (
    id                  uuid NOT NULL PRIMARY KEY,
    email               text NOT NULL,
    normalized_email    text NOT NULL,
    display_name        text NOT NULL,
    password_hash       text NULL,
    security_stamp      text NOT NULL,
    role                text NOT NULL,
    groepen             text NOT NULL,
    access_failed_count integer NOT NULL,
    lockout_end         timestamptz NULL,
    created_at          timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_accounts_normalized_email ON accounts (normalized_email);
