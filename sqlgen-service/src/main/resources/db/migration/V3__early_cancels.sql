-- A cancel that reached the cancellations consumer before its generation's request was stored (a DELETE right after
-- the POST): held here until the request stores the generation and applies it, instead of after the whole run.
create table early_cancels (
    generation_id text primary key,
    tenant_id     text        not null,
    reason        text,
    created_at    timestamptz not null default now()
);
