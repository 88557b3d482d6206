-- A saved data-modeler session: the conversation of one user on one data source, linked to the data model it built.
ALTER TABLE conversations
    ADD COLUMN data_source_id      VARCHAR(128),
    ADD COLUMN data_model_id       VARCHAR(128),
    ADD COLUMN status              VARCHAR(16) NOT NULL DEFAULT 'saved',
    ADD COLUMN saved_at            TIMESTAMPTZ,
    ADD COLUMN schema_context      TEXT,
    ADD COLUMN model_draft         TEXT,
    ADD COLUMN model_draft_version INTEGER;
CREATE INDEX conversations_data_model_idx ON conversations (tenant_id, data_model_id, saved_at DESC);
