package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyday forms of rules met on documents outside development: the first letter capitalised, rounding up or
 * truncating to places, value maps written "M to Male", parallel lists after a verb, a default for an expression
 * whose operands may be missing, a test said as an adjective ("negative amounts"), a date named by the first part of
 * its column ("of the order") or by a verb ("the year the account was opened"), a date written "in YYYY-MM format",
 * units named by a column or a remark, powers, templates of placeholders, "unless", one column or another, and a
 * remark on a number's scale that must never be dropped. Each phrase runs in DuckDB.
 */
class RuleAnalystFormsTest {
    private static final RuleTable TABLE = new RuleTable("acct", "id", new String[]{"id", "channel", "balance", "gender_cd",
            "closed_flg", "qty", "price", "disc_pct", "amount", "coupon_cd", "ord_ts", "open_dt", "rate"},
            new String[]{"1", "online", "10.291", "M", "Y", "2", "5.5", "10", "-3", "SAVE5", "2024-03-15 10:00:00", "2019-07-01", "4.25"},
            new String[]{"2", "store", "0.29", "F", "N", null, "2", "0", "7", null, "2024-12-30 23:59:00", "2021-01-31", "1.5"},
            new String[]{"3", null, null, "", null, "3", null, null, null, "", null, null, null});

    @Test
    void shouldCapitaliseOnlyTheFirstLetter() throws Exception {
        TABLE.expect("VARCHAR", "channel", List.of("Sales channel with the first letter capitalised",
                "Capitalise the first letter of channel", "Capitalize first letter"), "Online", "Store", null);
        TABLE.expect("VARCHAR", "channel", List.of("Channel in sentence case"), "Online", "Store", null);
        // an operation on the first characters keeps the rest of the value: never silently only those characters
        assertThat(TABLE.flagged("VARCHAR", "channel", "Upper case the first 3 letters of channel")).isNotBlank();
    }

    @Test
    void shouldRoundUpAndTruncateToPlaces() throws Exception {
        TABLE.expect("DECIMAL(14,2)", "balance", List.of("Balance rounded up to the nearest dollar",
                "Balance rounded up to the nearest integer"), "11", "1", null);
        // 0.29 * 100 is 28.999999999999996 in a double: truncated it must still be 0.29
        TABLE.expect("DECIMAL(14,2)", "balance", List.of("Balance truncated to two decimal places",
                "Truncate balance to 2 decimal places"), "10.29", "0.29", null);
        TABLE.expect("DECIMAL(14,2)", "balance", List.of("Balance rounded up to 1 decimal place"), "10.3", "0.3", null);
    }

    @Test
    void shouldReadValueMapsWrittenWithTo() throws Exception {
        TABLE.expect("VARCHAR", "gender_cd", List.of("M to Male, F to Female, U or blank to Unknown",
                "Decode gender: M to Male, F to Female, U or blank to Unknown",
                "Decode gender M to Male, F to Female, U or blank to Unknown"), "Male", "Female", "Unknown");
        TABLE.expect("BOOLEAN", "closed_flg", List.of("Convert 'Y'/'N' to true/false", "'Y' to true, 'N' to false"),
                "true", "false", null);
    }

    @Test
    void shouldDefaultAnExpressionWhoseOperandsMayBeMissing() throws Exception {
        TABLE.expect("DECIMAL(14,2)", "qty, price", List.of("Line total: qty * price, 0 if either is missing",
                "qty * price, 0 if null", "coalesce(qty * price, 0)"), "11", "0", "0");
        TABLE.expect("DECIMAL(14,2)", "price, disc_pct", List.of("Price after discount = price * (1 - disc_pct / 100)"),
                "4.95", "2", null);
    }

    @Test
    void shouldReadATestSaidAsAnAdjective() throws Exception {
        TABLE.expect("VARCHAR", "amount", List.of("'Refund' for negative amounts, 'Sale' otherwise"), "Refund", "Sale", "Sale");
        TABLE.expect("INTEGER", "coupon_cd", List.of("1 if a coupon code was used, else 0"), "1", "0", "1");
    }

    @Test
    void shouldFindADateNamedByItsFirstPartOrByAVerb() throws Exception {
        TABLE.expect("INTEGER", "ord_ts", List.of("Week number of the year of the order"), "11", "1", null);
        TABLE.expect("VARCHAR", "ord_ts", List.of("Day name of the order (Monday, Tuesday, ...)"), "Friday", "Monday", null);
        TABLE.expect("INTEGER", "ord_ts", List.of("Quarter of order date"), "1", "4", null);
        TABLE.expect("INTEGER", "open_dt", List.of("Year the account was opened"), "2019", "2021", null);
        TABLE.expect("VARCHAR", "open_dt", List.of("Open date in YYYY-MM format"), "2019-07", "2021-01", null);
    }

    @Test
    void shouldMoveATimestampBetweenTimeZones() throws Exception {
        TABLE.expect("VARCHAR", "ord_ts", List.of("Order timestamp converted from UTC to US/Eastern",
                "Convert ord_ts from UTC to 'America/New_York'"), "2024-03-15 06:00:00", "2024-12-30 18:59:00", null);
        // an abbreviation does not say which daylight rule applies
        assertThat(TABLE.flagged("TIMESTAMP", "ord_ts", "Order timestamp converted from EST to UTC")).isNotBlank();
    }

    private static final RuleTable PEOPLE = new RuleTable("pat", "id", new String[]{"id", "height_in", "weight", "ssn",
            "salary", "region_cd", "branch_cd", "mgr_id"},
            new String[]{"1", "70", "150", "123456789", "60000", "EU", "B1", "7"},
            new String[]{"2", "60", "100", "123-45-6789", "36000", " ", "B2", null},
            new String[]{"3", null, null, "12345", null, null, "B3", ""});
    private static final RuleTable VITALS = new RuleTable("vitals", "id", new String[]{"id", "weight_kg", "height_cm"},
            new String[]{"1", "80", "200"}, new String[]{"2", "45", "150"}, new String[]{"3", null, null});

    @Test
    void shouldConvertUnitsNamedByTheColumnOrARemark() throws Exception {
        PEOPLE.expect("DECIMAL(6,2)", "height_in", List.of("Height in cm", "Height converted from inches to centimetres",
                "Height in cm (source is in inches)"), "177.8", "152.4", null);
        PEOPLE.expect("DECIMAL(6,2)", "weight", List.of("Weight in kg (source is in pounds)"), "68.04", "45.36", null);
        PEOPLE.expect("DECIMAL(6,2)", "height_in", List.of("Height converted to centimetres"), "177.8", "152.4", null);
        VITALS.expect("DECIMAL(5,1)", "weight_kg, height_cm", List.of("BMI = weight / (height in metres) squared",
                "weight_kg / (height_cm / 100) ^ 2"), "20", "20", null);
    }

    private static final RuleTable THERMO = new RuleTable("vitals", "id", new String[]{"id", "temp_c", "temp_f"},
            new String[]{"1", "37", "98.6"}, new String[]{"2", "-40", "32"}, new String[]{"3", null, null});

    @Test
    void shouldConvertTemperaturesBetweenScales() throws Exception {
        THERMO.expect("DECIMAL(5,1)", "temp_c", List.of("Temperature in Fahrenheit"), "98.6", "-40", null);
        THERMO.expect("DECIMAL(5,1)", "temp_f", List.of("Temperature in Celsius", "Temperature converted from Fahrenheit to Celsius"),
                "37", "0", null);
        // already in the scale asked for: nothing to convert, nothing read
        assertThat(THERMO.flagged("DECIMAL(5,1)", "temp_c", "Temperature in Celsius")).isNotBlank();
    }

    @Test
    void shouldFillATemplateOfPlaceholders() throws Exception {
        PEOPLE.expect("VARCHAR(11)", "ssn", List.of("Format SSN as XXX-XX-XXXX", "SSN formatted as 'XXX-XX-XXXX'"),
                "123-45-6789", "123-45-6789", "12345");
        assertThat(PEOPLE.flagged("VARCHAR(11)", "ssn", "Masked SSN showing only the last 4 digits"))
                .contains("masking character");
    }

    @Test
    void shouldReadFallbacksPurposesAndMissingThings() throws Exception {
        PEOPLE.expect("DECIMAL(12,2)", "salary", List.of("Annual salary divided by 12 to get monthly pay"), "5000", "3000", null);
        assertThat(PEOPLE.flagged("DECIMAL(12,2)", "salary", "Annual salary divided by 12 to get the pay in cents")).isNotBlank();
        PEOPLE.expect("VARCHAR(10)", "region_cd, branch_cd", List.of("Region code, or branch code when region code is empty"),
                "EU", "B2", "B3");
        PEOPLE.expect("BIGINT", "mgr_id", List.of("Manager id; 0 when employee has no manager"), "7", "0", "0");
    }

    private static final RuleTable FX = new RuleTable("ord", "id", new String[]{"id", "amount", "currency_cd", "fx_rate"},
            new String[]{"1", "10", "USD", "1"}, new String[]{"2", "10", "EUR", "1.1"}, new String[]{"3", "10", null, "2"});

    @Test
    void shouldKeepTheValueWhereAnUnlessHolds() throws Exception {
        FX.expect("DECIMAL(14,2)", "amount, currency_cd, fx_rate", List.of("amount multiplied by fx rate unless currency is USD",
                "amount * fx_rate unless currency_cd = 'USD'", "amount * fx_rate unless the currency is already 'USD'"),
                "10", "11", "20");
        FX.expect("VARCHAR(1)", "currency_cd", List.of("'Y' if currency is 'USD' else 'N'"), "Y", "N", "N");
    }

    @Test
    void shouldNeverDropARemarkOnTheScaleOfANumber() {
        assertThat(TABLE.flagged("DECIMAL(6,4)", "rate", "Rate as a decimal (source stores 4.25 for 4.25%)")).isNotBlank();
    }
}
