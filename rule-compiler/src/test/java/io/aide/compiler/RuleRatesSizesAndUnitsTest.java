package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms met on a fresh probe of shipment rules: numbers grouped by thousands ("1,000,000"), a participle after "with"
 * ("with leading and trailing spaces trimmed"), a verb before the values it adjusts ("treat negative values as
 * zero"), a number stated by a noun ("a fixed rate of 0.92") and a conversion by such a rate, a prefix or suffix by
 * its size ("Three-digit prefix"), a split said after its part ("when split on '-'"), and bands whose numbers carry
 * their unit, in the column's unit where its name gives one. Each phrase runs in DuckDB.
 */
class RuleRatesSizesAndUnitsTest {
    private static final RuleTable SHIPMENTS = new RuleTable("shipment", "id",
            new String[]{"id", "length_cm", "width_cm", "height_cm", "cust_ref", "freight_amt", "dest_zip", "route_cd",
                    "weight_kg", "transit_hrs"},
            new String[]{"1", "100", "50", "40", "  Ab-1 ", "200", "94107", "SFO-LAX-SAN", "0.5", "30"},
            new String[]{"2", "10", "10", "10", "x", "-5", "021", "JFK", "20", "48"},
            new String[]{"3", null, "1", "1", null, null, null, null, "25", "200"});

    @Test
    void shouldReadNumbersGroupedByThousands() throws Exception {
        SHIPMENTS.expect("DECIMAL(12,3)", "length_cm, width_cm, height_cm", List.of(
                "Length times width times height, divided by 1,000,000"), "0.2", "0.001", null);
    }

    @Test
    void shouldReadAParticipleAfterWithAsItsVerb() throws Exception {
        SHIPMENTS.expect("VARCHAR(50)", "cust_ref", List.of("Customer reference with leading and trailing spaces trimmed",
                "cust ref with spaces trimmed"), "Ab-1", "x", null);
    }

    @Test
    void shouldAdjustTheValuesAVerbNamesFirst() throws Exception {
        SHIPMENTS.expect("DECIMAL(12,2)", "freight_amt", List.of("Freight amount; treat negative values as zero"),
                "200", "0", null);
    }

    @Test
    void shouldUseANumberStatedByANounAndConvertByAStatedRate() throws Exception {
        SHIPMENTS.expect("DECIMAL(12,2)", "freight_amt", List.of("Freight amount multiplied by a fixed rate of 0.92",
                "Freight amount in euros using a fixed rate of 0.92", "Freight amount converted to euros at a rate of 0.92"),
                "184", "-4.6", null);
    }

    @Test
    void shouldTakeAPrefixOrSuffixBySize() throws Exception {
        SHIPMENTS.expect("VARCHAR(3)", "dest_zip", List.of("Three-digit prefix of the destination zip",
                "3-character prefix of dest zip"), "941", "021", null);
        SHIPMENTS.expect("VARCHAR(3)", "dest_zip", List.of("Last 2-digit suffix of dest zip"), "07", "21", null);
    }

    @Test
    void shouldSplitWhenThePartIsSaidFirst() throws Exception {
        SHIPMENTS.expect("VARCHAR(10)", "route_cd", List.of("Second part of the route code when split on '-'"),
                "LAX", "", null);
    }

    @Test
    void shouldReadBandsWithUnitsInTheColumnsUnit() throws Exception {
        SHIPMENTS.expect("VARCHAR(6)", "weight_kg", List.of("Up to 1 kg LIGHT, over 1 kg up to 20 kg MEDIUM, over 20 kg HEAVY"),
                "LIGHT", "MEDIUM", "HEAVY");
        // transit_hrs holds hours: 2 days are 48 of them
        SHIPMENTS.expect("VARCHAR(6)", "transit_hrs", List.of("Under 2 days 'FAST', 2 to 5 days 'NORMAL', over 5 days 'SLOW'"),
                "FAST", "NORMAL", "SLOW");
    }

    @Test
    void shouldNotReadBandsInAUnitOfAnotherKindThanTheColumns() {
        assertThat(SHIPMENTS.flagged("VARCHAR(6)", "weight_kg", "Up to 1 day LIGHT, over 1 day HEAVY")).isNotBlank();
    }

    @Test
    void shouldNotTakeASizeForALabel() {
        // "3-character prefix ..." once read as the constant 3 labelled "character prefix of dest zip"
        assertThat(SHIPMENTS.compile("VARCHAR(3)", "dest_zip", "3-character prefix of dest zip").sql().get("duckdb"))
                .contains("SUBSTRING").doesNotContain("CAST(3 AS");
    }
}
