-- Visualization templates (seed 001): the question, its SQL, the component and its parameters, shared within one
-- tenant. ("templates" of V1 holds prompt templates.)
CREATE TABLE viz_templates (
    id             VARCHAR(64)  PRIMARY KEY,
    tenant_id      VARCHAR(64)  NOT NULL,
    prompt         TEXT         NOT NULL,
    generated_sql  TEXT         NOT NULL,
    ui_code        TEXT         NOT NULL,
    parameters     TEXT         NOT NULL,
    data_source    VARCHAR(16)  NOT NULL,
    data_source_id VARCHAR(128),
    data_url       VARCHAR(256),
    created_by     VARCHAR(128),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX viz_templates_tenant_idx ON viz_templates (tenant_id, updated_at DESC);

-- Query results a chart reads by URL: inline JSON for small ones, Parquet written by DuckDB for large ones.
-- Each belongs to one tenant and expires.
CREATE TABLE viz_data (
    id          VARCHAR(64)  PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    format      VARCHAR(16)  NOT NULL,
    row_count   INTEGER      NOT NULL,
    content     BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX viz_data_expiry_idx ON viz_data (expires_at);
