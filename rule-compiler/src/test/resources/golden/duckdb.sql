-- duckdb: one construct per entry, as GoldenDialectTest renders it

-- identifiers: plain, reserved word, mixed case, space
COALESCE("orders"."order_id", "orders"."order", "orders"."OrderRef", "Sales Lines"."line id")

-- string literal with a quote and a backslash
'O''Brien \ Sons'

-- safe cast of text to a number
TRY_CAST("orders"."amount" AS DECIMAL(18, 2))

-- safe cast of a computed number to an integer
TRY_CAST(TRY_CAST("orders"."amount" AS DOUBLE) * 100 AS INTEGER)

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
CAST(TRY_STRPTIME("orders"."order_date", '%d-%b-%Y') AS DATE)

-- parse a timestamp with a pattern
CAST(TRY_STRPTIME("orders"."order_date", '%Y-%m-%d %H:%M:%S') AS TIMESTAMP)

-- format a date
STRFTIME(TRY_CAST("orders"."order_date" AS DATE), '%m/%d/%Y')

-- add years
CAST(TRY_CAST("orders"."order_date" AS DATE) + INTERVAL 2 YEAR AS DATE)

-- add days from a column
CAST(TRY_CAST("orders"."order_date" AS DATE) + TO_DAYS(CAST(TRY_CAST("orders"."lead_days" AS INTEGER) AS INTEGER)) AS DATE)

-- days between two dates
DATE_DIFF('day', TRY_CAST("orders"."order_date" AS DATE), TRY_CAST("orders"."ship_date" AS DATE))

-- year of a date
EXTRACT(YEAR FROM TRY_CAST("orders"."order_date" AS DATE))

-- last day of the month
LAST_DAY(TRY_CAST("orders"."order_date" AS DATE))

-- epoch seconds with a fraction
MAKE_TIMESTAMP(CAST(TRY_CAST("orders"."amount" AS DOUBLE) * 1000000 AS BIGINT))

-- current timestamp
LOCALTIMESTAMP

-- remainder of a double
TRY_CAST("orders"."amount" AS DOUBLE) % 7

-- text is a number
TRY_CAST("orders"."amount" AS DOUBLE) IS NOT NULL

-- case, in list, is null
CASE WHEN "orders"."status" IN ('placed', 'shipped') THEN TRUE WHEN "orders"."status" IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END

-- count distinct
COUNT(DISTINCT "orders"."customer_id")

-- round to places
ROUND(TRY_CAST("orders"."amount" AS DOUBLE), 2)

-- split part
SPLIT_PART("orders"."status", '-', 2)

-- left pad
LPAD("orders"."status", 10, '0')

-- window: previous value per partition
LAG("orders"."status") OVER (PARTITION BY "orders"."customer_id" ORDER BY "orders"."order_date" DESC NULLS LAST)

-- position of a text
POSITION('@' IN "orders"."status")

-- first day of the week
CAST(DATE_TRUNC('week', TRY_CAST("orders"."order_date" AS DATE)) AS DATE)

-- first day of the quarter
CAST(DATE_TRUNC('quarter', TRY_CAST("orders"."order_date" AS DATE)) AS DATE)

-- ISO week of the year
EXTRACT(WEEK FROM TRY_CAST("orders"."order_date" AS DATE))

-- ISO day of the week
EXTRACT(ISODOW FROM TRY_CAST("orders"."order_date" AS DATE))

-- subtract one day
CAST(TRY_CAST("orders"."order_date" AS DATE) - INTERVAL 1 DAY AS DATE)

-- seconds between two timestamps
(EPOCH(TRY_CAST("orders"."order_date" AS TIMESTAMP)) - EPOCH(TRY_CAST("orders"."order_date" AS TIMESTAMP)))

-- whole part of a number
TRUNC(-2.5)
