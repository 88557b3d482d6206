-- postgres: one construct per entry, as GoldenDialectTest renders it

-- identifiers: plain, reserved word, mixed case, space
COALESCE("orders"."order_id", "orders"."order", "orders"."OrderRef", "Sales Lines"."line id")

-- string literal with a quote and a backslash
'O''Brien \ Sons'

-- safe cast of text to a number
CASE WHEN CAST("orders"."amount" AS TEXT) ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN CAST(CAST("orders"."amount" AS TEXT) AS DECIMAL(18, 2)) END

-- safe cast of a computed number to an integer
CASE WHEN CAST(CASE WHEN CAST("orders"."amount" AS TEXT) ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN CAST(CAST("orders"."amount" AS TEXT) AS DOUBLE PRECISION) END * 100 AS TEXT) ~ '^\s*[-+]?[0-9]+(\.0*)?\s*$' THEN CAST(CAST(CAST(CASE WHEN CAST("orders"."amount" AS TEXT) ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN CAST(CAST("orders"."amount" AS TEXT) AS DOUBLE PRECISION) END * 100 AS TEXT) AS NUMERIC) AS INTEGER) END

-- cast of a default
CAST(COALESCE("agg"."total", '0') AS DECIMAL(18, 2))

-- concatenation
"orders"."status" || '-' || "orders"."order_id"

-- substring
SUBSTRING("orders"."status", 2, 3)

-- trim leading characters
LTRIM("orders"."status", '0')

-- md5
MD5("orders"."status")

-- parse a date with a pattern
CASE WHEN "orders"."order_date" ~ '^\s*[0-9]{1,2}\-[A-Za-z]{3}\-[0-9]{4}\s*$' THEN TO_DATE("orders"."order_date", 'DD-Mon-YYYY') END

-- parse a timestamp with a pattern
CASE WHEN "orders"."order_date" ~ '^\s*[0-9]{4}\-[0-9]{1,2}\-[0-9]{1,2}\s+[0-9]{1,2}\:[0-9]{1,2}\:[0-9]{1,2}\s*$' THEN CAST(TO_TIMESTAMP("orders"."order_date", 'YYYY-MM-DD HH24:MI:SS') AS TIMESTAMP) END

-- format a date
TO_CHAR(CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END, 'MM/DD/YYYY')

-- add years
CAST(CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END + INTERVAL '2 years' AS DATE)

-- add days from a column
CAST(CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END + CAST(CASE WHEN CAST("orders"."lead_days" AS TEXT) ~ '^\s*[-+]?[0-9]+(\.0*)?\s*$' THEN CAST(CAST(CAST("orders"."lead_days" AS TEXT) AS NUMERIC) AS INTEGER) END AS INTEGER) * INTERVAL '1 day' AS DATE)

-- days between two dates
(CAST(CASE WHEN CAST("orders"."ship_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."ship_date" AS TEXT) AS DATE) END AS DATE) - CAST(CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END AS DATE))

-- year of a date
EXTRACT(YEAR FROM CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END)

-- last day of the month
CAST(DATE_TRUNC('month', CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END) + INTERVAL '1 month' - INTERVAL '1 day' AS DATE)

-- epoch seconds with a fraction
(TO_TIMESTAMP(CASE WHEN CAST("orders"."amount" AS TEXT) ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN CAST(CAST("orders"."amount" AS TEXT) AS DOUBLE PRECISION) END) AT TIME ZONE 'UTC')

-- current timestamp
LOCALTIMESTAMP

-- remainder of a double
MOD(CAST(CASE WHEN CAST("orders"."amount" AS TEXT) ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN CAST(CAST("orders"."amount" AS TEXT) AS DOUBLE PRECISION) END AS NUMERIC), 7)

-- text is a number
CAST("orders"."amount" AS TEXT) ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'

-- case, in list, is null
CASE WHEN "orders"."status" IN ('placed', 'shipped') THEN TRUE WHEN "orders"."status" IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END

-- count distinct
COUNT(DISTINCT "orders"."customer_id")

-- round to places
ROUND(CAST(CASE WHEN CAST("orders"."amount" AS TEXT) ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN CAST(CAST("orders"."amount" AS TEXT) AS DOUBLE PRECISION) END AS NUMERIC), 2)

-- split part
SPLIT_PART("orders"."status", '-', 2)

-- left pad
LPAD("orders"."status", 10, '0')

-- window: previous value per partition
LAG("orders"."status") OVER (PARTITION BY "orders"."customer_id" ORDER BY "orders"."order_date" DESC NULLS LAST)

-- position of a text
POSITION('@' IN "orders"."status")

-- first day of the week
CAST(DATE_TRUNC('week', CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END) AS DATE)

-- first day of the quarter
CAST(DATE_TRUNC('quarter', CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END) AS DATE)

-- ISO week of the year
EXTRACT(WEEK FROM CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END)

-- ISO day of the week
EXTRACT(ISODOW FROM CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END)

-- subtract one day
CAST(CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS DATE) END + CAST(-(1) AS INTEGER) * INTERVAL '1 day' AS DATE)

-- seconds between two timestamps
CAST(EXTRACT(EPOCH FROM (CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS TIMESTAMP) END - CASE WHEN CAST("orders"."order_date" AS TEXT) ~ '^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' THEN CAST(CAST("orders"."order_date" AS TEXT) AS TIMESTAMP) END)) AS DOUBLE PRECISION)

-- whole part of a number
TRUNC(-2.5)
