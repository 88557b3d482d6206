-- snowflake: one construct per entry, as GoldenDialectTest renders it

-- identifiers: plain, reserved word, mixed case, space
COALESCE(orders.order_id, orders."order", orders."OrderRef", "Sales Lines"."line id")

-- string literal with a quote and a backslash
'O''Brien \\ Sons'

-- safe cast of text to a number
TRY_CAST(CAST(orders.amount AS VARCHAR) AS DECIMAL(18, 2))

-- safe cast of a computed number to an integer
TRY_CAST(CAST(TRY_CAST(CAST(orders.amount AS VARCHAR) AS FLOAT) * 100 AS VARCHAR) AS INTEGER)

-- cast of a default
CAST(COALESCE(agg.total, '0') AS DECIMAL(18, 2))

-- concatenation
orders.status || '-' || orders.order_id

-- substring
SUBSTR(orders.status, 2, 3)

-- trim leading characters
LTRIM(orders.status, '0')

-- md5
MD5(orders.status)

-- parse a date with a pattern
TRY_TO_DATE(orders.order_date, 'DD-MON-YYYY')

-- parse a timestamp with a pattern
TRY_TO_TIMESTAMP(orders.order_date, 'YYYY-MM-DD HH24:MI:SS')

-- format a date
TO_CHAR(TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE), 'MM/DD/YYYY')

-- add years
DATEADD(year, 2, TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE))

-- add days from a column
DATEADD(day, TRY_CAST(CAST(orders.lead_days AS VARCHAR) AS INTEGER), TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE))

-- days between two dates
DATEDIFF(day, TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE), TRY_CAST(CAST(orders.ship_date AS VARCHAR) AS DATE))

-- year of a date
EXTRACT(YEAR FROM TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE))

-- last day of the month
LAST_DAY(TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE))

-- epoch seconds with a fraction
TO_TIMESTAMP(TRY_CAST(CAST(orders.amount AS VARCHAR) AS FLOAT))

-- current timestamp
CURRENT_TIMESTAMP

-- remainder of a double
MOD(TRY_CAST(CAST(orders.amount AS VARCHAR) AS FLOAT), 7)

-- text is a number
TRY_TO_DOUBLE(orders.amount) IS NOT NULL

-- case, in list, is null
CASE WHEN orders.status IN ('placed', 'shipped') THEN TRUE WHEN orders.status IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END

-- count distinct
COUNT(DISTINCT orders.customer_id)

-- round to places
ROUND(TRY_CAST(CAST(orders.amount AS VARCHAR) AS FLOAT), 2)

-- split part
SPLIT_PART(orders.status, '-', 2)

-- left pad
LPAD(orders.status, 10, '0')

-- window: previous value per partition
LAG(orders.status) OVER (PARTITION BY orders.customer_id ORDER BY orders.order_date DESC NULLS LAST)

-- position of a text
POSITION('@' IN orders.status)

-- first day of the week
CAST(DATE_TRUNC('week', TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE)) AS DATE)

-- first day of the quarter
CAST(DATE_TRUNC('quarter', TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE)) AS DATE)

-- ISO week of the year
EXTRACT(WEEKISO FROM TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE))

-- ISO day of the week
EXTRACT(DAYOFWEEKISO FROM TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE))

-- subtract one day
DATEADD(day, -(1), TRY_CAST(CAST(orders.order_date AS VARCHAR) AS DATE))

-- seconds between two timestamps
(DATEDIFF(nanosecond, TRY_CAST(CAST(orders.order_date AS VARCHAR) AS TIMESTAMP), TRY_CAST(CAST(orders.order_date AS VARCHAR) AS TIMESTAMP)) / 1000000000)

-- whole part of a number
TRUNC(-2.5)
