package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * What analysts say of the source's form around a date pattern ("an 8-digit number yyyymmdd -> date", "European
 * day-first layout DD.MM.YYYY", "blank stays NULL"), a flag's codes "loaded as true/false", and the previous row read
 * with its function named in brackets ("(LAG by read_dt)") and its first row said to be NULL. DuckDB.
 */
class RuleSourceFormsAndEdgesTest {
    // meter 7 read on three days; read_type codes
    private static final RuleTable READS = new RuleTable("reads", "id", new String[]{"id", "meter_no", "read_dt", "rcv_num",
            "eu_dt", "read_type"},
            new String[]{"1", "7", "2024-01-31", "20240131", "31.01.2024", "E"},
            new String[]{"2", "7", "2024-03-01", "20240301", "", "A"},
            new String[]{"3", "7", "2024-02-15", null, null, null});

    @Test
    void shouldReadADatePatternDescribedWithTheSourcesForm() throws Exception {
        READS.expect("DATE", "rcv_num", List.of("rcv_num is an 8-digit number yyyymmdd -> date", "8-digit yyyymmdd -> date"),
                "2024-01-31", "2024-03-01", null);
        READS.expect("DATE", "eu_dt", List.of(
                "Text in European day-first layout DD.MM.YYYY (e.g. 03.02.2019 is 3 Feb 2019). Convert to date; blank stays NULL."),
                "2024-01-31", null, null);
    }

    @Test
    void shouldReadEachValueWithTheLayoutItFitsWhereTheSourceHasTwo() throws Exception {
        // read_dt ISO, eu_dt day-first: one column of both kinds
        RuleTable mixed = new RuleTable("orders", "id", new String[]{"id", "placed"}, new String[]{"1", "2024-03-01"},
                new String[]{"2", "02/03/2024"}, new String[]{"3", "junk"});
        mixed.expect("DATE", "placed", List.of("Convert from YYYY-MM-DD or DD/MM/YYYY to date", "Parse 'YYYY-MM-DD' or 'DD/MM/YYYY'"),
                "2024-03-01", "2024-03-02", null);
        // "to A from B" into a date keeps reading B alone
        mixed.expect("DATE", "placed", List.of("Reformat to MM/DD/YYYY from DD/MM/YYYY"), null, "2024-03-02", null);
    }

    @Test
    void shouldReadAFlagWhoseCodesAreSaidToLoadAsTruthValues() throws Exception {
        READS.expect("BOOLEAN", "read_type", List.of("Y if read_type = 'E' else N -> load as true/false"), "true", "false", "false");
    }

    @Test
    void shouldReadThePreviousRowOfTheSameKeyInTheOrderTheBracketNames() throws Exception {
        READS.expect("DATE", "read_dt, meter_no", List.of(
                "The read_dt of the previous surviving reading of the same meter_no (LAG by read_dt). Null for the meter's first reading."),
                null, "2024-02-15", "2024-01-31");
        // "the same meter": the key the noun names, though the row's source cell holds only the date
        READS.expect("DATE", "read_dt", List.of("The read_dt of the previous reading of the same meter (LAG by read_dt)"),
                null, "2024-02-15", "2024-01-31");
    }
}
