-- 0012 A Discord gateway shard's session, kept from a graceful stop to the next start so the bot resumes it and
-- Discord replays what was written in between. One row per shard, taken (deleted) at the next start. The state is
-- JSON: session id, sequence, resume address, and the shard's server and channel ids and names; no messages.

CREATE TABLE discord_sessions (
    shard_id integer NOT NULL PRIMARY KEY,
    state    text NOT NULL,
    saved_at timestamptz NOT NULL
);
