-- Generation ids are scoped per tenant: the same client-chosen id in two tenants is two generations, so a request
-- naming another tenant's id is answered exactly like one naming a fresh id (no existence oracle). Every stored row
-- is kept: the child tables get the tenant of their generation, and the keys change from (id) to (tenant_id, id).
alter table layers add column tenant_id text;
alter table blocks add column tenant_id text;
alter table block_versions add column tenant_id text;
alter table column_lineage add column tenant_id text;
update layers c set tenant_id = g.tenant_id from generations g where g.id = c.generation_id;
update blocks c set tenant_id = g.tenant_id from generations g where g.id = c.generation_id;
update block_versions c set tenant_id = g.tenant_id from generations g where g.id = c.generation_id;
update column_lineage c set tenant_id = g.tenant_id from generations g where g.id = c.generation_id;
delete from block_versions where tenant_id is null;
alter table layers alter column tenant_id set not null;
alter table blocks alter column tenant_id set not null;
alter table block_versions alter column tenant_id set not null;
alter table column_lineage alter column tenant_id set not null;

alter table block_versions drop constraint block_versions_generation_id_target_name_fkey;
alter table block_versions drop constraint block_versions_pkey;
alter table blocks drop constraint blocks_generation_id_fkey;
alter table blocks drop constraint blocks_pkey;
alter table layers drop constraint layers_generation_id_fkey;
alter table layers drop constraint layers_pkey;
alter table column_lineage drop constraint column_lineage_generation_id_fkey;
alter table column_lineage drop constraint column_lineage_pkey;
alter table generations drop constraint generations_pkey;

alter table generations add constraint generations_pkey primary key (tenant_id, id);
alter table layers add constraint layers_pkey primary key (tenant_id, generation_id, target);
alter table layers add constraint layers_generation_fkey foreign key (tenant_id, generation_id)
    references generations (tenant_id, id) on delete cascade;
alter table blocks add constraint blocks_pkey primary key (tenant_id, generation_id, target, name);
alter table blocks add constraint blocks_generation_fkey foreign key (tenant_id, generation_id)
    references generations (tenant_id, id) on delete cascade;
alter table block_versions add constraint block_versions_pkey primary key (tenant_id, generation_id, target, name, version);
alter table block_versions add constraint block_versions_block_fkey foreign key (tenant_id, generation_id, target, name)
    references blocks (tenant_id, generation_id, target, name) on delete cascade;
alter table column_lineage add constraint column_lineage_pkey primary key (tenant_id, generation_id, target, column_name);
alter table column_lineage add constraint column_lineage_generation_fkey foreign key (tenant_id, generation_id)
    references generations (tenant_id, id) on delete cascade;

alter table early_cancels drop constraint early_cancels_pkey;
alter table early_cancels add constraint early_cancels_pkey primary key (tenant_id, generation_id);
