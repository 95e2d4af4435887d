-- Cluster mode's shared state (io.merx.cluster). Flyway applies this once per database, under its own lock, so
-- several nodes may start at once; later changes go into V2__..., never into this file.

-- Each model's desired record. "record" holds versions, aliases, liveHistory, canary and shadow as JSON;
-- "revision" grows by one with every write, which is a compare-and-set on it.
CREATE TABLE models (
    name          text        PRIMARY KEY,
    record        jsonb       NOT NULL,
    revision      bigint      NOT NULL CHECK (revision > 0),
    last_version  bigint      NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Files are content-addressed: one row per distinct content, its bytes in chunks (never one huge value).
CREATE TABLE blobs (
    sha256  text   PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size    bigint NOT NULL CHECK (size >= 0)
);

CREATE TABLE blob_chunks (
    sha256  text    NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,
    seq     integer NOT NULL CHECK (seq >= 0),
    bytes   bytea   NOT NULL,
    PRIMARY KEY (sha256, seq)
);

-- A published version: its manifest (also stored as the file manifest.json) and its files.
CREATE TABLE versions (
    model         text        NOT NULL,
    version       text        NOT NULL,
    manifest      bytea,
    published_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model, version)
);

CREATE TABLE version_files (
    model    text   NOT NULL,
    version  text   NOT NULL,
    path     text   NOT NULL,
    sha256   text   NOT NULL REFERENCES blobs (sha256),
    size     bigint NOT NULL,
    PRIMARY KEY (model, version, path),
    FOREIGN KEY (model, version) REFERENCES versions (model, version) ON DELETE CASCADE
);
CREATE INDEX version_files_by_blob ON version_files (sha256);

-- What each node reports with its heartbeat; heartbeat_at is the database's clock, so node clocks may differ.
CREATE TABLE nodes (
    name          text        PRIMARY KEY,
    report        jsonb       NOT NULL,
    heartbeat_at  timestamptz NOT NULL
);

-- One training lease per model; expires_at is the database's clock.
CREATE TABLE leases (
    model       text        PRIMARY KEY,
    node        text        NOT NULL,
    token       text        NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE jobs (
    id           text        PRIMARY KEY,
    model        text        NOT NULL,
    kind         text        NOT NULL,
    node         text        NOT NULL,
    state        text        NOT NULL,
    message      text,
    version      text,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz
);
CREATE INDEX jobs_by_start ON jobs (started_at DESC);
