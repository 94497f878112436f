-- 0005 The school as the admin app keeps it: every saved version of the school YAML (FAQ, classes, settings),
-- who saved it and why, and uploaded school guides. The newest version is what the bot runs on; the file
-- named by School:ConfigPath is only the starting point.

CREATE TABLE school_guides (
    id          TEXT NOT NULL PRIMARY KEY,
    file_name   TEXT NOT NULL,
    content     BLOB NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE school_documents (
    version       INTEGER NOT NULL PRIMARY KEY,
    yaml          TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    guide_id      TEXT NULL REFERENCES school_guides (id),
    change        TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
