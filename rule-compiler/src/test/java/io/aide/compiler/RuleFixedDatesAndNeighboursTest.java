package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Forms met on a fresh healthcare encounters document: a date written out (2024-12-31 is that day, never 2024 - 12 - 31),
 * an age as of such a date, and the value of the previous row of the same entity said in words ("Admit date of the
 * previous encounter of the same patient", "Previous admit date per patient": dates in their own order). Each phrase
 * runs in DuckDB.
 */
class RuleFixedDatesAndNeighboursTest {
    private static final RuleTable ENCOUNTERS = new RuleTable("encounters", "enc_id",
            new String[]{"enc_id", "patient_id", "admit_ts", "birth_date"},
            new String[]{"1", "7", "2024-03-01 10:00:00", "1980-12-31"},
            new String[]{"2", "7", "2024-01-15 08:00:00", "1981-01-01"},
            new String[]{"3", "8", "2024-02-01 00:00:00", null},
            new String[]{"4", "7", "2024-05-20 12:00:00", "2000-06-15"});

    @Test
    void shouldReadADateWrittenOutAsThatDay() throws Exception {
        ENCOUNTERS.expect("INTEGER", "birth_date", List.of("Age in whole years as of 2024-12-31", "Age as of '2024-12-31'"),
                "44", "43", null, "24");
        ENCOUNTERS.expect("INTEGER", "admit_ts", List.of("1 if admit_ts is after 2024-02-01, else 0"), "1", "0", "0", "1");
    }

    @Test
    void shouldReadThePreviousRowOfTheSameEntity() throws Exception {
        ENCOUNTERS.expect("DATE", "admit_ts, patient_id", List.of("Admit date of the previous encounter of the same patient",
                "Previous admit date per patient", "Previous admit date of the same patient"),
                "2024-01-15", null, null, "2024-03-01");
    }
}
