-- One row per validation run of a generation checkpoint.
CREATE TABLE validation_runs (
    validation_id   TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL,
    generation_id   TEXT NOT NULL,
    document_id     TEXT,
    checkpoint      INT NOT NULL,
    status          TEXT NOT NULL,          -- running | pass | fail | error
    request         JSONB NOT NULL,         -- the ValidationRequested, for re-runs
    correlation_id  TEXT,
    total_checks    INT NOT NULL DEFAULT 0,
    counts          JSONB NOT NULL DEFAULT '{}'::jsonb,
    message         TEXT,
    started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ
);
CREATE INDEX validation_runs_generation ON validation_runs (tenant_id, generation_id, started_at DESC);

-- One row per check result; block_versions records which version of each block the result is about.
CREATE TABLE validation_results (
    validation_id   TEXT NOT NULL REFERENCES validation_runs (validation_id) ON DELETE CASCADE,
    idx             INT NOT NULL,
    tenant_id       TEXT NOT NULL,
    generation_id   TEXT NOT NULL,
    checkpoint      INT NOT NULL,
    check_name      TEXT NOT NULL,
    status          TEXT NOT NULL,
    target          TEXT,
    column_name     TEXT,
    dialect         TEXT,
    code            TEXT,
    message         TEXT,
    blocks          JSONB NOT NULL DEFAULT '[]'::jsonb,
    mapping_refs    JSONB NOT NULL DEFAULT '[]'::jsonb,
    block_versions  JSONB NOT NULL DEFAULT '{}'::jsonb,
    failing_count   BIGINT NOT NULL DEFAULT 0,
    checked_count   BIGINT NOT NULL DEFAULT 0,
    examples        JSONB NOT NULL DEFAULT '[]'::jsonb,
    duration_ms     BIGINT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (validation_id, idx)
);
CREATE INDEX validation_results_generation ON validation_results (tenant_id, generation_id, checkpoint);

-- Consumers are idempotent on the envelope's eventId.
CREATE TABLE processed_events (
    event_id     TEXT PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
