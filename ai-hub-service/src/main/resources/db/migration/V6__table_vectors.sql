-- Embeddings of the tables of large schemas (all-MiniLM-L6-v2, 384 dimensions), per tenant and data source, one row
-- a table; text_hash is the hash of the model and the text the vector was embedded from, so an unchanged table of a
-- new schema snapshot keeps its vector. Every read names the tenant.
--
-- The vectors are REAL[] ranked by the SQL function cosine_distance below: Debian 12's PostgreSQL 15 has no pgvector
-- package (postgresql-15-pgvector arrived after that release). With pgvector installed, the column becomes
-- vector(384) and pgvector's own cosine_distance(vector, vector) (the <=> operator) answers the same queries.
CREATE TABLE table_vectors (
    tenant_id      VARCHAR(64)  NOT NULL,
    data_source_id VARCHAR(128) NOT NULL,
    table_name     VARCHAR(512) NOT NULL,
    model          VARCHAR(64)  NOT NULL,
    text_hash      CHAR(64)     NOT NULL,
    embedding      REAL[]       NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, data_source_id, table_name)
);

-- 1 - cosine similarity; 1 when either vector is all zeros (nothing is similar to it)
CREATE FUNCTION cosine_distance(a REAL[], b REAL[]) RETURNS DOUBLE PRECISION
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT 1 - coalesce(sum(x::float8 * y) / nullif(sqrt(sum(x::float8 * x)) * sqrt(sum(y::float8 * y)), 0), 0)
    FROM unnest(a, b) AS t(x, y)
$$;
