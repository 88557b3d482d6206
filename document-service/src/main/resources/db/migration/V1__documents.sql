-- mapping documents; every row belongs to one tenant and every read filters on it
create table documents (
    id               text primary key,
    tenant_id        text        not null,
    project_id       text,
    file_name        text        not null,
    content_type     text,
    size_bytes       bigint      not null,
    raw_object_key   text        not null,
    status           text        not null check (status in ('parsing', 'parsed', 'failed')),
    error_code       text,
    error_message    text,
    spec_version     int,
    rows_found       int,
    targets          jsonb,
    header_mapping   jsonb,
    diagnostics      jsonb,
    sheets           jsonb,
    header_overrides jsonb,
    uploaded_by      text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index documents_tenant_created on documents (tenant_id, created_at desc);

-- every version of a document's MappingSpec (1 = parsed, later = edits and reparses)
create table spec_versions (
    document_id  text        not null references documents (id) on delete cascade,
    version      int         not null,
    tenant_id    text        not null,
    spec         jsonb       not null,
    object_key   text        not null,
    reason       text        not null,
    changed_rows jsonb,
    created_by   text,
    created_at   timestamptz not null default now(),
    primary key (document_id, version)
);

-- consumer idempotency: an eventId is handled once
create table processed_events (
    event_id     text primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);

create table data_sources (
    id                 text primary key,
    tenant_id          text        not null,
    name               text        not null,
    kind               text        not null check (kind in ('postgresql', 'mysql', 'files')),
    jdbc_url           text,
    username           text,
    password_encrypted text,
    object_prefix      text,
    files              jsonb,
    created_by         text,
    created_at         timestamptz not null default now()
);
create index data_sources_tenant on data_sources (tenant_id, created_at desc);

create table schema_snapshots (
    id             bigserial primary key,
    data_source_id text        not null references data_sources (id) on delete cascade,
    tenant_id      text        not null,
    snapshot       jsonb       not null,
    created_at     timestamptz not null default now()
);
create index schema_snapshots_source on schema_snapshots (data_source_id, id desc);
