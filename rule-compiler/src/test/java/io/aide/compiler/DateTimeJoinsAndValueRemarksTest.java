package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timestamp made of a date column and a time-of-day column, as six documents no development case used write it
 * ("Combine DEP_DT (YYYYMMDD) and DEP_TIME (HHMM, 24h) into one timestamp, seconds = 00", "Event date combined with the
 * doors-open time. DOORS_TIME is text HH:MM on a 24-hour clock", a left-pad to 4 digits, "No time recorded -> midnight",
 * a time for a blank one in the null cell), and words that describe a value its rule gives ("Hour of ts, 0-23", "Full
 * weekday name of ts, first letter capital (Monday ... Sunday)", "Day of the week of d, as the full English day name").
 * A range that does not fit the part stays unread. DuckDB.
 */
class DateTimeJoinsAndValueRemarksTest {
    private static final String[] TRIPS = {"trip_no", "dep_dt", "dep_time", "event_date", "doors_time", "ts"};
    private static final SampleRows SAMPLE = new SampleRows("trips", TRIPS,
            new String[]{"1", "20250306", "645", "2025-03-07", "19:30", "2025-03-09 17:05:00"},
            new String[]{"2", "20250307", "1410", "2025-03-08", " ", "2025-03-10 08:00:00"},
            new String[]{"3", "20250308", null, "2025-03-09", null, "2025-03-11 23:59:00"});

    @Test
    void shouldJoinADateAndATimeOfDayIntoOneTimestamp() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "trip_no", "INTEGER", "trips", "trip_no", "Cast to integer.")
                .row("f", "departure_ts", "TIMESTAMP", "trips", "dep_dt, dep_time", "Combine DEP_DT (YYYYMMDD) and DEP_TIME (HHMM, "
                        + "24h) into one timestamp, seconds = 00. DEP_TIME sometimes loses its leading zero (645 = 06:45), so "
                        + "left-pad it with zeros to 4 digits first. No time recorded -> midnight (00:00).")
                .row("f", "event_day", "DATE", "trips", "event_date", "Text YYYY-MM-DD to date.")
                .row("f", "doors_open_ts", "TIMESTAMP", "trips", "event_date, doors_time", "Event date combined with the doors-open "
                        + "time. DOORS_TIME is text HH:MM on a 24-hour clock; seconds are 00.", null, null, false, null,
                        "If DOORS_TIME is blank or null, use 19:00."));
        assertThat(SAMPLE.run(layer, "trip_no", "departure_ts", "doors_open_ts")).containsExactly(
                "1|2025-03-06 06:45:00.0|2025-03-07 19:30:00.0", "2|2025-03-07 14:10:00.0|2025-03-08 19:00:00.0",
                "3|2025-03-08 00:00:00.0|2025-03-09 19:00:00.0");
    }

    @Test
    void shouldFlagAJoinWhoseDateHasNoPatternAnywhere() {
        GeneratedLayers.Column c = SAMPLE.compile(Specs.spec()
                .row("f", "departure_ts", "TIMESTAMP", "trips", "dep_dt, dep_time", "Combine DEP_DT and DEP_TIME (HHMM) into one "
                        + "timestamp.")).columns().get(0);
        assertThat(c.status()).isEqualTo("flagged");
    }

    @Test
    void shouldReadWordsThatDescribeTheValueTheRuleGives() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "trip_no", "INTEGER", "trips", "trip_no", "Cast to integer.")
                .row("f", "hour", "INTEGER", "trips", "ts", "Hour of ts, 0-23.")
                .row("f", "day_name", "VARCHAR(10)", "trips", "ts", "Full English weekday name of ts, first letter capital "
                        + "(Monday ... Sunday).")
                .row("f", "event_day", "VARCHAR(10)", "trips", "event_date", "Day of the week of event_date, as the full English "
                        + "day name."));
        assertThat(SAMPLE.run(layer, "trip_no", "hour", "day_name", "event_day"))
                .containsExactly("1|17|Sunday|Friday", "2|8|Monday|Saturday", "3|23|Tuesday|Sunday");
        GeneratedLayers.Column wrongRange = SAMPLE.compile(Specs.spec()
                .row("f", "hour", "INTEGER", "trips", "ts", "Hour of ts, 1-24.")).columns().get(0);
        assertThat(wrongRange.status()).isEqualTo("flagged");
    }

    @Test
    void shouldNumberByTheTargetsColumnWhereTheNameIsBothASourceAndATargetColumn() throws Exception {
        SampleRows crews = new SampleRows("crew", new String[]{"crew_id", "crew_nm"},
                new String[]{" c104", "Tree"}, new String[]{"C101", "Line"}, new String[]{"c102 ", "Sub"});
        GeneratedLayers.Layer layer = crews.compile(Specs.spec()
                .row("dim_crew", "crew_sk", "INTEGER", "crew", null, "Surrogate key: number the crews 1, 2, 3 … ordered by "
                        + "crew_id ascending.")
                .row("dim_crew", "crew_id", "VARCHAR(5)", "crew", "crew_id", "Trim and upper-case."));
        assertThat(crews.run(layer, "crew_sk", "crew_id")).containsExactly("1|C101", "2|C102", "3|C104");
    }

    @Test
    void shouldReadARuleSaidAsAnotherColumnsFromThisRowsSourceColumn() throws Exception {
        SampleRows trips = new SampleRows("trip", new String[]{"trip_no", "start_txt", "end_txt", "fare", "tax"},
                new String[]{"1", "03/06/2025 06:45", "03/06/2025 07:15", "10.5", " "},
                new String[]{"2", "03/07/2025 14:10", "bad", "", "1.25"});
        GeneratedLayers.Layer layer = trips.compile(Specs.spec()
                .row("f", "trip_no", "INTEGER", "trip", "trip_no", "Cast to integer.")
                .row("f", "trip_start_ts", "TIMESTAMP", "trip", "start_txt", "Parse text in format MM/DD/YYYY HH24:MI into a timestamp.")
                .row("f", "trip_end_ts", "TIMESTAMP", "trip", "end_txt", "As trip_start_ts.")
                .row("f", "fare_amount", "DECIMAL(10,2)", "trip", "fare", "COALESCE(CAST(NULLIF(TRIM(fare), '') AS DECIMAL(10,2)), 0.00)")
                .row("f", "tax_amount", "DECIMAL(10,2)", "trip", "tax", "Same treatment as fare_amount: convert to decimal with 2 "
                        + "places, 0.00 when blank."));
        assertThat(trips.run(layer, "trip_no", "trip_end_ts", "fare_amount", "tax_amount"))
                .containsExactly("1|2025-03-06 07:15:00.0|10.50|0.00", "2|null|0.00|1.25");
        // the other column reads two columns: this row cannot stand in for them
        GeneratedLayers.Column two = trips.compile(Specs.spec()
                .row("f", "span", "VARCHAR(40)", "trip", "start_txt, end_txt", "start_txt || ' to ' || end_txt")
                .row("f", "span2", "VARCHAR(40)", "trip", "fare", "As span.")).columns().get(1);
        assertThat(two.status()).isEqualTo("flagged");
    }

    @Test
    void shouldReadTheTargetsFinalValuesWhereARemarkSaysSoEvenWhenASourceColumnHasTheSameName() throws Exception {
        SampleRows reads = new SampleRows("reads", new String[]{"READ_ID", "IMPORT_KWH", "EXPORT_KWH"},
                new String[]{"1", "1,204.5", ""}, new String[]{"2", "3.25", "1.5"});
        GeneratedLayers.Layer layer = reads.compile(Specs.spec()
                .row("f", "READ_ID", "INTEGER", "reads", "READ_ID", "Cast to integer.")
                .row("f", "IMPORT_KWH", "DECIMAL(12,3)", "reads", "IMPORT_KWH", "Remove any commas, cast to numeric and round to 3 "
                        + "decimal places.", null, null, false, null, "Blank -> 0.")
                .row("f", "EXPORT_KWH", "DECIMAL(12,3)", "reads", "EXPORT_KWH", "As IMPORT_KWH - remove commas, cast, round to 3 dp.",
                        null, null, false, null, "Null or blank -> 0.")
                .row("f", "NET_IMPORT_KWH", "DECIMAL(12,3)", "reads", "IMPORT_KWH, EXPORT_KWH", "IMPORT_KWH minus EXPORT_KWH (the "
                        + "target values after defaulting).")
                .row("f", "TOTAL_KWH", "DECIMAL(12,3)", "reads", "IMPORT_KWH, EXPORT_KWH", "IMPORT_KWH + EXPORT_KWH, using the rounded "
                        + "values of both."));
        assertThat(reads.run(layer, "READ_ID", "EXPORT_KWH", "NET_IMPORT_KWH", "TOTAL_KWH"))
                .containsExactly("1|0.000|1204.500|1204.500", "2|1.500|1.750|4.750");
    }
}
