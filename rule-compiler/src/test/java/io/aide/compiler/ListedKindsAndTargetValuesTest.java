package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kinds of rows listed under one topic and named back one by one ("Test data is excluded: stations whose ...; members
 * with TEST_ACCT = 'Y'" then "rides of test members"), several kinds left out in one sentence (one told by a bracket, one
 * in words, one named elsewhere), repeated rows kept once per a key of several parts, a value the words name as the
 * target holds it ("Cinema code, a hyphen, then ..."), defaults built from columns, tests of characters a text lacks,
 * timestamps moved by minutes, and day names compared with the day of the week. Run in DuckDB.
 */
class ListedKindsAndTargetValuesTest {
    private static final String[][] MEMBER = {
            {"member_no", "test_acct", "last_modified"},
            {"M1", "N", "2024-01-01"},
            {"m1 ", "N", "2024-02-01"},
            {"M2", "y", "2024-01-05"},
            {"M3", "N", "2024-01-07"}};
    private static final String[][] STATION = {
            {"stn_code"},
            {"CS001"},
            {"TST01"}};
    private static final String[][] RIDE = {
            {"ride_id", "member_no", "ride_status", "start_ts", "duration_min"},
            {"R1", "M1", "C", "2024-03-01 23:30:00", "45"},
            {"R2", "M2", "C", "2024-03-02 08:00:00", "10"},
            {"R3", "M3", "V", "2024-03-02 09:00:00", "5"},
            {"R1", "M1", "C", "2024-03-01 23:30:00", "45"},
            {"R4", "M3", "C", "2024-03-03 07:15:00", ""}};

    @Test
    void shouldLeaveOutEachKindOfAListAndKeepARepeatedKeyOnce() throws Exception {
        Specs spec = Specs.spec()
                .note("General Rules", "Test data is excluded: stations whose code starts with 'TST'; members with TEST_ACCT = 'Y'"
                        + " (any case). Rides made by a test member are dropped from FACT_RIDE as well.")
                .row("dim_station", "station_code", "VARCHAR(5)", "station", "stn_code", "Trim, upper case.")
                .row("dim_member", "member_id", "VARCHAR(5)", "member", "member_no", "trim + upper", null,
                        "PK. One row per member: MEMBER is a change log, keep the latest LAST_MODIFIED version only", true, null, null)
                .row("fact_ride", "ride_id", "VARCHAR(5)", "ride", "ride_id", "1:1", null,
                        "Exclude voided rides (RIDE_STATUS = V) and rides of test members. Remove duplicate RIDE_IDs.", true, null, null)
                .row("fact_ride", "end_ts", "TIMESTAMP", "ride", "duration_min", "START_TS + DURATION_MIN minutes. Null if no "
                        + "duration given.");
        List<GeneratedLayers.Layer> layers = compile(spec, "station", STATION, "member", MEMBER, "ride", RIDE);
        try (DuckDb db = db("station", STATION, "member", MEMBER, "ride", RIDE)) {
            assertThat(values(db, layers.get(0), "station_code")).containsExactly("CS001");
            // M1 twice (its latest row kept), M2 a test member
            assertThat(values(db, layers.get(1), "member_id")).containsExactly("M1", "M3");
            GeneratedLayers.Layer ride = layers.get(2);
            // R2 is a test member's ride, R3 is voided, R1 was sent twice; past midnight the end is the next day
            assertThat(values(db, ride, "ride_id")).containsExactly("R1", "R4");
            assertThat(values(db, ride, "end_ts")).containsExactly("2024-03-02 00:15:00.0", "null");
        }
    }

    private static final String[][] SCREEN = {
            {"cinema_cd", "screen_no", "seats", "last_upd"},
            {"SYD", "4", "40", "2024-01-10"},
            {"syd ", "04", "36", "2024-03-01"},
            {"MEL", "1", "200", "2024-02-01"},
            {"MEL", "10", "48", "2024-02-01"},
            {"TRN", "1", "20", "2023-01-01"},
            {"", "2", "10", "2023-01-01"}};

    @Test
    void shouldReadTheKeyOfSeveralPartsAndTheValuesTheTargetHolds() throws Exception {
        Specs spec = Specs.spec()
                .note("General Rules", "SCREEN may hold more than one row for the same cinema + screen (cinema code in different"
                        + " case, screen number with/without leading zero). Keep the row with the most recent LAST_UPD.")
                .row("dim_screen", "screen_code", "VARCHAR(8)", "screen", "cinema_cd, screen_no", "Cinema code, a hyphen, then the"
                        + " screen number left-padded with zeros to 2 digits, e.g. SYD + 3 -> 'SYD-03'.", null,
                        "Exclude rows with a blank CINEMA_CD and training cinemas (CINEMA_CD = 'TRN').", true, null, null)
                .row("dim_screen", "cinema_code", "VARCHAR(3)", "screen", "cinema_cd", "Trim + upper")
                .row("dim_screen", "screen_number", "SMALLINT", "screen", "screen_no", "Convert to integer ('04' -> 4)")
                .row("dim_screen", "seat_capacity", "SMALLINT", "screen", "seats", "Direct")
                .row("dim_screen", "screen_name", "VARCHAR(20)", "screen", "cinema_cd", "Trim. If blank, default to 'Cinema ' "
                        + "followed by the screen_number, e.g. 'Cinema 2'.");
        List<GeneratedLayers.Layer> layers = compile(spec, "screen", SCREEN);
        try (DuckDb db = db("screen", SCREEN)) {
            // 'syd ', '04' is screen SYD 4 again, and the later row: 36 seats
            assertThat(values(db, layers.get(0), "screen_code")).containsExactly("MEL-01", "MEL-10", "SYD-04");
            assertThat(values(db, layers.get(0), "seat_capacity")).containsExactly("36", "48", "200");
        }
    }

    private static final String[][] CONTACT = {
            {"contact_id", "email", "imo_no", "sess_date", "amount", "qty"},
            {"C1", "Ann@Example.COM", " 9015254", "2024-03-02", "AUD 10.00", "2"},
            {"C2", "no-at-sign", "", "2024-03-04", "NULL", "1"},
            {"C3", "", " ", "2024-03-03", "$9.50", ""}};

    @Test
    void shouldTestCharactersATextLacksAndReadDayNamesAndPrefixes() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_contact", "contact_id", "VARCHAR(5)", "contact", "contact_id", "Direct")
                .row("dim_contact", "email_domain", "VARCHAR(40)", "contact", "email", "Take everything after the '@' in the "
                        + "e-mail and lower-case it. NULL when the e-mail is blank, 'NULL' or has no '@'.")
                .row("dim_contact", "imo_number", "VARCHAR(12)", "contact", "imo_no", "Trim the number and prefix it with 'IMO ' "
                        + "(e.g. 9015254 -> 'IMO 9015254'). If blank or NULL leave empty.")
                .row("dim_contact", "day_type", "VARCHAR(7)", "contact", "sess_date", "CASE WHEN day of week of SESS_DATE IN "
                        + "('Saturday','Sunday') THEN 'Weekend' ELSE 'Weekday' END")
                .rowWithDefault("dim_contact", "line_amount", "DECIMAL(10,2)", "contact", "amount", "Strip the currency text, "
                        + "spaces and commas and convert to a number (dollars).", null, "Blank / 'NULL' -> 0.00")
                .row("dim_contact", "unit_price", "DECIMAL(10,2)", "contact", "amount, qty", "LINE_AMOUNT divided by QTY, rounded to"
                        + " 2 decimals.");
        List<GeneratedLayers.Layer> layers = compile(spec, "contact", CONTACT);
        try (DuckDb db = db("contact", CONTACT)) {
            GeneratedLayers.Layer contact = layers.get(0);
            assertThat(values(db, contact, "contact_id")).containsExactly("C1", "C2", "C3");
            assertThat(values(db, contact, "email_domain")).containsExactly("example.com", "null", "null");
            assertThat(values(db, contact, "imo_number")).containsExactly("IMO 9015254", "null", "null");
            List<String> days = db.query("SELECT day_type FROM (\n" + contact.sql().get("duckdb") + "\n) v ORDER BY contact_id")
                    .stream().map(r -> String.valueOf(r.get("day_type"))).toList();
            // 2 March 2024 was a Saturday
            assertThat(days).containsExactly("Weekend", "Weekday", "Weekend");
            List<String> prices = db.query("SELECT unit_price FROM (\n" + contact.sql().get("duckdb") + "\n) v ORDER BY contact_id")
                    .stream().map(r -> String.valueOf(r.get("unit_price"))).toList();
            assertThat(prices).containsExactly("5.00", "0.00", "null");
        }
    }
}
