-- Rule assist: an expression proposed by the language model for a column the compiler flagged, checked on the
-- sample. It stays AI-proposed until a user accepts it; accepting writes it as the rule (transformation) of the
-- mapping row, as a new spec version in document-service.
CREATE TABLE rule_proposals (
    proposal_id    VARCHAR(64)  PRIMARY KEY,
    tenant_id      VARCHAR(64)  NOT NULL,
    generation_id  VARCHAR(128) NOT NULL,
    document_id    VARCHAR(128) NOT NULL,
    target         VARCHAR(256) NOT NULL,
    target_column  VARCHAR(256) NOT NULL,
    mapping_ref    VARCHAR(512) NOT NULL,
    expression     TEXT,
    status         VARCHAR(16)  NOT NULL,  -- ai_proposed | rejected | accepted
    reason         TEXT,
    sample_values  JSONB        NOT NULL DEFAULT '[]',
    proposed_by    VARCHAR(128) NOT NULL,
    accepted_by    VARCHAR(128),
    spec_version   INTEGER,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    accepted_at    TIMESTAMPTZ
);
CREATE INDEX rule_proposals_generation ON rule_proposals (tenant_id, generation_id);
