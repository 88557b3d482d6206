package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates in the wording of a shipment mapping: parts of a date laid out by an example ("like 2024Q3", "e.g. Mar-2024")
 * or as a number of digits, a time zone named in words ("US Eastern time", "Pacific time"), days between two dates without
 * the weekends, values replaced with a reason said ("are invalid and should be null"), and the week of a date named
 * by a verb that names no column ("the week in which the shipment was sent"). Each phrase runs in DuckDB.
 */
class RuleDateLayoutsZonesAndWeekdaysTest {
    private static final RuleTable SHIPMENTS = new RuleTable("shipment", "id",
            new String[]{"id", "ship_dt", "deliv_dt", "ship_ts"},
            new String[]{"1", "2024-08-15", "2024-08-20", "2024-07-01 12:00:00"},
            new String[]{"2", "2023-01-02", "1999-12-31", "2024-01-15 03:30:00"},
            new String[]{"3", null, null, null});

    @Test
    void shouldLayOutPartsOfADateByAnExample() throws Exception {
        SHIPMENTS.expect("VARCHAR(6)", "ship_dt", List.of("Year and quarter of the ship date, like 2024Q3",
                "Calendar quarter of the ship date in the form 2024Q1"), "2024Q3", "2023Q1", null);
        SHIPMENTS.expect("VARCHAR(8)", "ship_dt", List.of("Month and year of ship dt, e.g. Aug-2024"),
                "Aug-2024", "Jan-2023", null);
        SHIPMENTS.expect("VARCHAR(8)", "ship_dt", List.of("Year and month of ship dt, e.g. JAN 2024"),
                "AUG 2024", "JAN 2023", null);
        SHIPMENTS.expect("VARCHAR(8)", "ship_dt", List.of("Month and year of ship dt as 03/2024"),
                "08/2024", "01/2023", null);
    }

    @Test
    void shouldWriteThePartsAsANumberOfTheDigitsSaid() throws Exception {
        SHIPMENTS.expect("INTEGER", "ship_dt", List.of("Year and month of the ship date as a six digit number"),
                "202408", "202301", null);
        assertThat(SHIPMENTS.flagged("INTEGER", "ship_dt", "Year and month of the ship date as an eight digit number"))
                .isNotBlank();
    }

    @Test
    void shouldReadATimeZoneNamedInWords() throws Exception {
        // July: Eastern daylight time (UTC-4); January: standard time (UTC-5)
        SHIPMENTS.expect("TIMESTAMP", "ship_ts", List.of("Ship timestamp converted from US Eastern time to UTC",
                "ship ts converted from Eastern to UTC"), "2024-07-01 16:00:00.0", "2024-01-15 08:30:00.0", null);
        SHIPMENTS.expect("TIMESTAMP", "ship_ts", List.of("Ship timestamp converted from UTC to Pacific time"),
                "2024-07-01 05:00:00.0", "2024-01-14 19:30:00.0", null);
    }

    @Test
    void shouldCountDaysWithoutTheWeekends() throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        LocalDate base = LocalDate.of(2024, 3, 1);
        int id = 1;
        // every start day of the week against spans of 0 to 16 days, and a span backwards
        for (int s = 0; s < 7; s++) {
            for (int span = -3; span <= 16; span++) {
                LocalDate start = base.plusDays(s);
                LocalDate end = start.plusDays(span);
                rows.add(new String[]{String.valueOf(id++), start.toString(), end.toString()});
                expected.add(String.valueOf(weekdaysBetween(start, end)));
            }
        }
        RuleTable spans = new RuleTable("shipment", "id", new String[]{"id", "ship_dt", "deliv_dt"},
                rows.toArray(new String[0][]));
        spans.expect("INTEGER", "ship_dt, deliv_dt", List.of(
                "Days between ship and delivery dates, excluding Saturdays and Sundays",
                "Weekdays between ship dt and deliv dt", "days between ship dt and deliv dt (excluding weekends)"),
                expected.toArray());
        assertThat(spans.flagged("INTEGER", "ship_dt, deliv_dt", "Business days between ship dt and deliv dt"))
                .contains("excluding weekends");
    }

    private static long weekdaysBetween(LocalDate start, LocalDate end) {
        long sign = end.isBefore(start) ? -1 : 1;
        LocalDate from = sign > 0 ? start : end;
        LocalDate to = sign > 0 ? end : start;
        long n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1;
        }
        return sign * n;
    }

    @Test
    void shouldReplaceValuesWhoseReasonIsSaid() throws Exception {
        SHIPMENTS.expect("DATE", "deliv_dt", List.of("Delivery date; dates before 2000-01-01 are invalid and should be null"),
                "2024-08-20", null, null);
    }

    @Test
    void shouldTakeTheRowsOnlyDateForAVerbThatNamesNone() throws Exception {
        RuleTable one = new RuleTable("shipment", "id", new String[]{"id", "ship_dt"},
                new String[]{"1", "2024-08-15"}, new String[]{"2", "2024-08-18"});
        one.expect("DATE", "ship_dt", List.of("Monday of the week in which the shipment was sent"), "2024-08-12", "2024-08-12");
    }
}
