-- The validator's PostgreSQL sandbox (queries with engine postgres, e.g. a refined block of the postgres rendering):
-- database aide_sandbox and role aide_sandbox, which may connect there and create temporary tables only. Each query
-- loads its sample into its session's temporary schema (no other session reads it; dropped with the session).
-- Run by ./aide (scripts/lib/postgres.sh, every start, idempotent) and by docker-compose's first start of postgres.
-- On an install of your own, change the role's password (ALTER ROLE aide_sandbox PASSWORD ...) and AIDE_PG_SANDBOX_PASSWORD together.
SELECT 'CREATE ROLE aide_sandbox LOGIN PASSWORD ''aide_sandbox'' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION CONNECTION LIMIT 16'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aide_sandbox') \gexec
SELECT 'CREATE DATABASE aide_sandbox' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'aide_sandbox') \gexec
REVOKE ALL ON DATABASE aide_sandbox FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE aide_sandbox TO aide_sandbox;
-- the platform's database is its owner's only
REVOKE CONNECT ON DATABASE aide FROM PUBLIC;
ALTER ROLE aide_sandbox SET statement_timeout = '30s';
ALTER ROLE aide_sandbox SET temp_buffers = '32MB';
\c aide_sandbox
REVOKE ALL ON SCHEMA public FROM PUBLIC;
