-- 0008 ASP.NET Core's data protection keys (they sign the admin app's cookies and antiforgery tokens), in the
-- database every instance shares: a cookie from one instance is valid on the next, and after a restart.

CREATE TABLE data_protection_keys (
    id            uuid NOT NULL PRIMARY KEY,
    friendly_name text NOT NULL,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL
);
