-- ansi: one construct per entry, as GoldenDialectTest renders it

-- identifiers: plain, reserved word, mixed case, space
COALESCE("orders"."order_id", "orders"."order", "orders"."OrderRef", "Sales Lines"."line id")

-- string literal with a quote and a backslash
'O''Brien \ Sons'

-- safe cast of text to a number
CAST("orders"."amount" AS DECIMAL(18, 2))

-- safe cast of a computed number to an integer
CAST(CAST("orders"."amount" AS DOUBLE PRECISION) * 100 AS INTEGER)

-- cast of a default
CAST(COALESCE("agg"."total", '0') AS DECIMAL(18, 2))

-- concatenation
"orders"."status" || '-' || "orders"."order_id"

-- substring
SUBSTRING("orders"."status", 2, 3)

-- trim leading characters
TRIM(LEADING '0' FROM "orders"."status")

-- md5
MD5("orders"."status")

-- parse a date with a pattern
CAST(NULL AS DATE)

-- parse a timestamp with a pattern
CAST(NULL AS TIMESTAMP)

-- format a date
TO_CHAR(CAST("orders"."order_date" AS DATE), 'MM/DD/YYYY')

-- add years
CAST("orders"."order_date" AS DATE) + INTERVAL '2' YEAR

-- add days from a column
CAST("orders"."order_date" AS DATE) + CAST(CAST("orders"."lead_days" AS INTEGER) AS INTEGER) * INTERVAL '1' DAY

-- days between two dates
(CAST("orders"."ship_date" AS DATE) - CAST("orders"."order_date" AS DATE))

-- year of a date
EXTRACT(YEAR FROM CAST("orders"."order_date" AS DATE))

-- last day of the month
LAST_DAY(CAST("orders"."order_date" AS DATE))

-- epoch seconds with a fraction
(TIMESTAMP '1970-01-01 00:00:00' + CAST("orders"."amount" AS DOUBLE PRECISION) * INTERVAL '1' SECOND)

-- current timestamp
CURRENT_TIMESTAMP

-- remainder of a double
MOD(CAST(CAST("orders"."amount" AS DOUBLE PRECISION) AS NUMERIC), 7)

-- text is a number
"orders"."amount" SIMILAR TO '[-+]?[0-9]+(.[0-9]+)?'

-- case, in list, is null
CASE WHEN "orders"."status" IN ('placed', 'shipped') THEN TRUE WHEN "orders"."status" IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END

-- count distinct
COUNT(DISTINCT "orders"."customer_id")

-- round to places
ROUND(CAST("orders"."amount" AS DOUBLE PRECISION), 2)

-- split part
SPLIT_PART("orders"."status", '-', 2)

-- left pad
LPAD("orders"."status", 10, '0')

-- window: previous value per partition
LAG("orders"."status") OVER (PARTITION BY "orders"."customer_id" ORDER BY "orders"."order_date" DESC NULLS LAST)

-- position of a text
POSITION('@' IN "orders"."status")

-- first day of the week
CAST(DATE_TRUNC('week', CAST("orders"."order_date" AS DATE)) AS DATE)

-- first day of the quarter
CAST(DATE_TRUNC('quarter', CAST("orders"."order_date" AS DATE)) AS DATE)

-- ISO week of the year
EXTRACT(WEEK FROM CAST("orders"."order_date" AS DATE))

-- ISO day of the week
EXTRACT(ISODOW FROM CAST("orders"."order_date" AS DATE))

-- subtract one day
CAST("orders"."order_date" AS DATE) + INTERVAL '-1' DAY

-- seconds between two timestamps
(EXTRACT(DAY FROM (CAST("orders"."order_date" AS TIMESTAMP) - CAST("orders"."order_date" AS TIMESTAMP)) DAY(9) TO SECOND) * 86400 + EXTRACT(HOUR FROM (CAST("orders"."order_date" AS TIMESTAMP) - CAST("orders"."order_date" AS TIMESTAMP)) DAY(9) TO SECOND) * 3600 + EXTRACT(MINUTE FROM (CAST("orders"."order_date" AS TIMESTAMP) - CAST("orders"."order_date" AS TIMESTAMP)) DAY(9) TO SECOND) * 60 + EXTRACT(SECOND FROM (CAST("orders"."order_date" AS TIMESTAMP) - CAST("orders"."order_date" AS TIMESTAMP)) DAY(9) TO SECOND))

-- whole part of a number
TRUNC(-2.5)
