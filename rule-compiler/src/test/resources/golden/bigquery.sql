-- bigquery: one construct per entry, as GoldenDialectTest renders it

-- identifiers: plain, reserved word, mixed case, space
COALESCE(`orders`.`order_id`, `orders`.`order`, `orders`.`OrderRef`, `Sales Lines`.`line id`)

-- string literal with a quote and a backslash
'O\'Brien \\ Sons'

-- safe cast of text to a number
SAFE_CAST(`orders`.`amount` AS NUMERIC(18, 2))

-- safe cast of a computed number to an integer
SAFE_CAST(SAFE_CAST(`orders`.`amount` AS FLOAT64) * 100 AS INT64)

-- cast of a default
COALESCE(CAST(`agg`.`total` AS NUMERIC(18, 2)), 0)

-- concatenation
CONCAT(`orders`.`status`, '-', `orders`.`order_id`)

-- substring
SUBSTR(`orders`.`status`, 2, 3)

-- trim leading characters
LTRIM(`orders`.`status`, '0')

-- md5
TO_HEX(MD5(`orders`.`status`))

-- parse a date with a pattern
SAFE.PARSE_DATE('%d-%b-%Y', `orders`.`order_date`)

-- parse a timestamp with a pattern
SAFE.PARSE_TIMESTAMP('%Y-%m-%d %H:%M:%S', `orders`.`order_date`)

-- format a date
FORMAT_DATE('%m/%d/%Y', SAFE_CAST(`orders`.`order_date` AS DATE))

-- add years
DATE_ADD(SAFE_CAST(`orders`.`order_date` AS DATE), INTERVAL 2 YEAR)

-- add days from a column
DATE_ADD(SAFE_CAST(`orders`.`order_date` AS DATE), INTERVAL SAFE_CAST(`orders`.`lead_days` AS INT64) DAY)

-- days between two dates
DATE_DIFF(SAFE_CAST(`orders`.`ship_date` AS DATE), SAFE_CAST(`orders`.`order_date` AS DATE), DAY)

-- year of a date
EXTRACT(YEAR FROM SAFE_CAST(`orders`.`order_date` AS DATE))

-- last day of the month
LAST_DAY(SAFE_CAST(`orders`.`order_date` AS DATE))

-- epoch seconds with a fraction
TIMESTAMP_MICROS(CAST(SAFE_CAST(`orders`.`amount` AS FLOAT64) * 1000000 AS INT64))

-- current timestamp
CURRENT_TIMESTAMP()

-- remainder of a double
MOD(CAST(SAFE_CAST(`orders`.`amount` AS FLOAT64) AS NUMERIC), 7)

-- text is a number
SAFE_CAST(`orders`.`amount` AS FLOAT64) IS NOT NULL

-- case, in list, is null
CASE WHEN `orders`.`status` IN ('placed', 'shipped') THEN TRUE WHEN `orders`.`status` IS NULL THEN CAST(NULL AS BOOL) ELSE FALSE END

-- count distinct
COUNT(DISTINCT `orders`.`customer_id`)

-- round to places
ROUND(SAFE_CAST(`orders`.`amount` AS FLOAT64), 2)

-- split part
CASE WHEN `orders`.`status` IS NULL THEN NULL ELSE COALESCE(SPLIT(`orders`.`status`, '-')[SAFE_OFFSET(1)], '') END

-- left pad
LPAD(`orders`.`status`, 10, '0')

-- window: previous value per partition
LAG(`orders`.`status`) OVER (PARTITION BY `orders`.`customer_id` ORDER BY `orders`.`order_date` DESC NULLS LAST)

-- position of a text
STRPOS(`orders`.`status`, '@')

-- first day of the week
DATE_TRUNC(SAFE_CAST(`orders`.`order_date` AS DATE), ISOWEEK)

-- first day of the quarter
DATE_TRUNC(SAFE_CAST(`orders`.`order_date` AS DATE), QUARTER)

-- ISO week of the year
EXTRACT(ISOWEEK FROM SAFE_CAST(`orders`.`order_date` AS DATE))

-- ISO day of the week
(MOD(EXTRACT(DAYOFWEEK FROM SAFE_CAST(`orders`.`order_date` AS DATE)) + 5, 7) + 1)

-- subtract one day
DATE_ADD(SAFE_CAST(`orders`.`order_date` AS DATE), INTERVAL -(1) DAY)

-- seconds between two timestamps
(TIMESTAMP_DIFF(SAFE_CAST(`orders`.`order_date` AS TIMESTAMP), SAFE_CAST(`orders`.`order_date` AS TIMESTAMP), MICROSECOND) / 1000000)

-- whole part of a number
TRUNC(-2.5)
