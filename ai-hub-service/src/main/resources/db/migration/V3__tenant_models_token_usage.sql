-- The model of a tenant, set by its admin; overrides AIDE_LLM_* for that tenant. The key is AES-GCM sealed.
CREATE TABLE tenant_models (
    tenant_id         VARCHAR(64)  PRIMARY KEY,
    base_url          VARCHAR(512) NOT NULL,
    model             VARCHAR(128) NOT NULL,
    api_key_encrypted TEXT,
    timeout_seconds   INTEGER      NOT NULL DEFAULT 60,
    updated_by        VARCHAR(128),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One row per model call: tokens a tenant's users spent, for admins.
CREATE TABLE token_usage (
    id                BIGSERIAL    PRIMARY KEY,
    tenant_id         VARCHAR(64)  NOT NULL,
    user_id           VARCHAR(128),
    feature           VARCHAR(32)  NOT NULL,
    model             VARCHAR(128) NOT NULL,
    source            VARCHAR(16)  NOT NULL,
    prompt_tokens     INTEGER      NOT NULL DEFAULT 0,
    completion_tokens INTEGER      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX token_usage_tenant_idx ON token_usage (tenant_id, created_at DESC);
