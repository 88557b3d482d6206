-- API keys for integrations: only the SHA-256 of the key is stored (the key is 256 random bits, shown once)
create table api_keys (
    id           text primary key,
    tenant_id    text        not null,
    name         text        not null,
    role         text        not null check (role in ('admin', 'engineer', 'viewer')),
    prefix       text        not null,
    secret_hash  bytea       not null unique,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    revoked_by   text,
    last_used_at timestamptz
);
create index api_keys_tenant_created on api_keys (tenant_id, created_at desc);

-- who did what and when, per tenant; append-only: the triggers below refuse every UPDATE, DELETE and TRUNCATE.
-- Refusals of callers without a known tenant (a wrong password, a forged token) go to tenant '_unauthenticated',
-- which no tenant's administrator can read through the API.
create table audit_log (
    seq            bigserial primary key,
    tenant_id      text        not null,
    at             timestamptz not null default now(),
    actor          text        not null,
    actor_kind     text        not null check (actor_kind in ('user', 'api_key', 'anonymous')),
    action         text        not null,
    outcome        text        not null check (outcome in ('ok', 'refused', 'failed')),
    status         int         not null,
    method         text        not null,
    path           text        not null,
    target         text,
    correlation_id text,
    client_address text
);
create index audit_log_tenant_at on audit_log (tenant_id, at, seq);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
