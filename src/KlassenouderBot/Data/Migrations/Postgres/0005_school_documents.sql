-- 0005 The school as the admin app keeps it: every saved version of the school YAML (FAQ, classes, settings),
-- who saved it and why, and uploaded school guides. The newest version is what the bot runs on; the file
-- named by School:ConfigPath is only the starting point.

CREATE TABLE school_guides (
    id          uuid NOT NULL PRIMARY KEY,
    file_name   text NOT NULL,
    content     bytea NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE school_documents (
    version       bigint NOT NULL PRIMARY KEY,
    yaml          text NOT NULL,
    source_path   text NOT NULL,
    source_sha256 text NOT NULL,
    guide_id      uuid NULL REFERENCES school_guides (id),
    change        text NOT NULL,
    changed_by    text NOT NULL,
    created_at    timestamptz NOT NULL
);
