-- The data source a generation binds to and validates on, and how long its last compile pass took.
alter table generations add column data_source_id text;
alter table generations add column compile_millis double precision;
alter table generations add column compile_stage_millis double precision;
