-- One row per generation; the id is chosen by the client, the tenant owns it.
create table generations (
    id                        text primary key,
    tenant_id                 text        not null,
    document_id               text        not null,
    spec_version              int         not null default 0,
    spec_object_key           text,
    dialects                  jsonb       not null,
    requested_targets         jsonb       not null,
    targets                   jsonb       not null default '[]',
    status                    text        not null,
    checkpoint                int         not null default 0,
    semantic_layer_name       text,
    mapping_file              text,
    columns_needing_attention int         not null default 0,
    layer_object_key          text,
    artifacts                 jsonb       not null default '{}',
    filename                  text,
    error_code                text,
    error_stage               text,
    error_message             text,
    requested_by              text,
    correlation_id            text,
    lease_until               timestamptz,
    validation_deadline       timestamptz,
    estimated_completion      timestamptz,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    completed_at              timestamptz
);
create index generations_tenant_document on generations (tenant_id, document_id, created_at desc);
create index generations_status on generations (status);

-- One semantic layer (view) per target table.
create table layers (
    generation_id             text        not null references generations (id) on delete cascade,
    target                    text        not null,
    position                  int         not null,
    status                    text        not null,
    row_count                 int         not null default 0,
    sql                       jsonb       not null default '{}',
    pyspark                   text,
    columns                   jsonb       not null default '[]',
    source_tables             jsonb       not null default '[]',
    key_columns               jsonb       not null default '[]',
    columns_needing_attention int         not null default 0,
    spec_version              int,
    updated_at                timestamptz not null default now(),
    primary key (generation_id, target)
);

-- A block of a layer (select_clause, joins, where_clause, ctes, group_by, union) and its current version.
create table blocks (
    generation_id   text        not null references generations (id) on delete cascade,
    target          text        not null,
    name            text        not null,
    block_order     int         not null,
    status          text        not null,
    current_version int         not null default 0,
    updated_at      timestamptz not null default now(),
    primary key (generation_id, target, name)
);

-- Every version of a block: compiled, recompiled after a mapping edit, or edited by hand.
create table block_versions (
    generation_id text        not null,
    target        text        not null,
    name          text        not null,
    version       int         not null,
    sql           jsonb       not null,
    mapping_refs  jsonb       not null default '[]',
    status        text        not null,
    origin        text        not null,
    created_by    text,
    checkpoint    int         not null default 0,
    created_at    timestamptz not null default now(),
    primary key (generation_id, target, name, version),
    foreign key (generation_id, target, name) references blocks (generation_id, target, name) on delete cascade
);

-- Column-level lineage: target column <- source columns.
create table column_lineage (
    generation_id  text    not null references generations (id) on delete cascade,
    target         text    not null,
    column_name    text    not null,
    position       int     not null,
    column_type    text,
    mapping_ref    text,
    status         text    not null,
    reason         text,
    source_columns jsonb   not null default '[]',
    primary key (generation_id, target, column_name)
);

-- Consumed events, so a redelivered message does nothing twice.
create table processed_events (
    event_id     text primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);
