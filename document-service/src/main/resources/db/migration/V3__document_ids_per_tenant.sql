-- document ids are scoped per tenant: the same id may exist in two tenants, each on its own, so an upload naming
-- another tenant's id is answered exactly like one naming a fresh id (no existence oracle). Every stored row is kept:
-- only the keys change, from (id) to (tenant_id, id).
alter table spec_versions drop constraint spec_versions_document_id_fkey;
alter table spec_versions drop constraint spec_versions_pkey;
alter table documents drop constraint documents_pkey;
alter table documents add constraint documents_pkey primary key (tenant_id, id);
alter table spec_versions add constraint spec_versions_pkey primary key (tenant_id, document_id, version);
alter table spec_versions add constraint spec_versions_document_fkey foreign key (tenant_id, document_id)
    references documents (tenant_id, id) on delete cascade;
