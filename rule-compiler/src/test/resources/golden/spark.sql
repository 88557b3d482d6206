-- spark: one construct per entry, as GoldenDialectTest renders it

-- identifiers: plain, reserved word, mixed case, space
COALESCE(`orders`.`order_id`, `orders`.`order`, `orders`.`OrderRef`, `Sales Lines`.`line id`)

-- string literal with a quote and a backslash
'O\'Brien \\ Sons'

-- safe cast of text to a number
TRY_CAST(`orders`.`amount` AS DECIMAL(18, 2))

-- safe cast of a computed number to an integer
TRY_CAST(ROUND(TRY_CAST(`orders`.`amount` AS DOUBLE) * 100) AS INTEGER)

-- cast of a default
CAST(COALESCE(`agg`.`total`, '0') AS DECIMAL(18, 2))

-- concatenation
CONCAT(`orders`.`status`, '-', `orders`.`order_id`)

-- substring
SUBSTRING(`orders`.`status`, 2, 3)

-- trim leading characters
TRIM(LEADING '0' FROM `orders`.`status`)

-- md5
MD5(`orders`.`status`)

-- parse a date with a pattern
CAST(TRY_TO_TIMESTAMP(`orders`.`order_date`, 'd-MMM-yyyy') AS DATE)

-- parse a timestamp with a pattern
TRY_TO_TIMESTAMP(`orders`.`order_date`, 'yyyy-M-d H:m:s')

-- format a date
DATE_FORMAT(TRY_CAST(`orders`.`order_date` AS DATE), 'MM/dd/yyyy')

-- add years
ADD_MONTHS(TRY_CAST(`orders`.`order_date` AS DATE), 12 * 2)

-- add days from a column
DATE_ADD(TRY_CAST(`orders`.`order_date` AS DATE), TRY_CAST(`orders`.`lead_days` AS INTEGER))

-- days between two dates
DATEDIFF(TRY_CAST(`orders`.`ship_date` AS DATE), TRY_CAST(`orders`.`order_date` AS DATE))

-- year of a date
EXTRACT(YEAR FROM TRY_CAST(`orders`.`order_date` AS DATE))

-- last day of the month
LAST_DAY(TRY_CAST(`orders`.`order_date` AS DATE))

-- epoch seconds with a fraction
TIMESTAMP_SECONDS(TRY_CAST(`orders`.`amount` AS DOUBLE))

-- current timestamp
CURRENT_TIMESTAMP()

-- remainder of a double
TRY_CAST(`orders`.`amount` AS DOUBLE) % 7

-- text is a number
TRY_CAST(`orders`.`amount` AS DOUBLE) IS NOT NULL

-- case, in list, is null
CASE WHEN `orders`.`status` IN ('placed', 'shipped') THEN TRUE WHEN `orders`.`status` IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END

-- count distinct
COUNT(DISTINCT `orders`.`customer_id`)

-- round to places
ROUND(TRY_CAST(`orders`.`amount` AS DOUBLE), 2)

-- split part
SPLIT_PART(`orders`.`status`, '-', 2)

-- left pad
LPAD(`orders`.`status`, 10, '0')

-- window: previous value per partition
LAG(`orders`.`status`) OVER (PARTITION BY `orders`.`customer_id` ORDER BY `orders`.`order_date` DESC NULLS LAST)

-- position of a text
POSITION('@' IN `orders`.`status`)

-- first day of the week
CAST(DATE_TRUNC('week', TRY_CAST(`orders`.`order_date` AS DATE)) AS DATE)

-- first day of the quarter
CAST(DATE_TRUNC('quarter', TRY_CAST(`orders`.`order_date` AS DATE)) AS DATE)

-- ISO week of the year
EXTRACT(WEEK FROM TRY_CAST(`orders`.`order_date` AS DATE))

-- ISO day of the week
EXTRACT(DAYOFWEEK_ISO FROM TRY_CAST(`orders`.`order_date` AS DATE))

-- subtract one day
DATE_ADD(TRY_CAST(`orders`.`order_date` AS DATE), -(1))

-- seconds between two timestamps
((UNIX_MICROS(TRY_CAST(`orders`.`order_date` AS TIMESTAMP)) - UNIX_MICROS(TRY_CAST(`orders`.`order_date` AS TIMESTAMP))) / 1000000)

-- whole part of a number
CASE WHEN -2.5 < 0 THEN CEIL(-2.5) ELSE FLOOR(-2.5) END
