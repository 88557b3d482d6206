-- names of the lookup/dictionary/config files stored under .../documents/{id}/reference/, passed to every parse
alter table documents add column reference_files jsonb;

-- expected-rows files of a sample data source ({name, target, objectKey, size}); never tables of its snapshot
alter table data_sources add column expected_files jsonb;
