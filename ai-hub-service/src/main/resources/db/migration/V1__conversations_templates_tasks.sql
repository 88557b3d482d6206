-- Saved chats of the data modeler, NL-to-SQL and refinement panels, one tenant each.
CREATE TABLE conversations (
    id          VARCHAR(64)  PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    subject_key VARCHAR(128),
    title       VARCHAR(256),
    created_by  VARCHAR(128),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX conversations_tenant_idx ON conversations (tenant_id, updated_at DESC);

CREATE TABLE conversation_messages (
    id              BIGSERIAL    PRIMARY KEY,
    conversation_id VARCHAR(64)  NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    tenant_id       VARCHAR(64)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    content         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX conversation_messages_conversation_idx ON conversation_messages (conversation_id, id);

-- Prompt templates per tenant; tenant_id '*' holds the shipped defaults.
CREATE TABLE templates (
    id          VARCHAR(64)  PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, kind, name)
);

-- One row per consumed AiTaskRequested: makes the consumer idempotent on eventId and keeps an audit trail.
CREATE TABLE ai_tasks (
    event_id     VARCHAR(64)  PRIMARY KEY,
    task_id      VARCHAR(128) NOT NULL,
    tenant_id    VARCHAR(64)  NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    subject_key  VARCHAR(128),
    status       VARCHAR(32)  NOT NULL,
    code         VARCHAR(128),
    requested_by VARCHAR(128),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);
CREATE INDEX ai_tasks_tenant_idx ON ai_tasks (tenant_id, created_at DESC);
