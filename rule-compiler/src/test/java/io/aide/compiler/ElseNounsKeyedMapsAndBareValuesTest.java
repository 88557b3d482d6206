package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wording from documents no development case used, some of it read wrongly before without a flag: an else branch named
 * by a noun with an aside ("every other hour (22:00 through 03:59) is Late Night" was dropped as a remark, leaving
 * NULL), a band map keyed on a value named before the colon ("From the open hour: 4 to 10 is Breakfast" compared the
 * raw timestamp text), "false if it is empty" after a truth value (the truth value was trimmed as text, which no engine
 * runs), a value alone in a null-handling cell ("0.00"), a pick said in prose after what explains it and again in SQL
 * ("Dedupe e.g. ROW_NUMBER() ..."), rows named then the instruction that leaves them out ("Training checks are not
 * loaded – skip rows where ..."), and a blank value said to be kept ("blank TRAINING_MODE is a live check"). DuckDB.
 */
class ElseNounsKeyedMapsAndBareValuesTest {
    private static final RuleTable CHECKS = new RuleTable("checks", "id", new String[]{"id", "open_ts", "comp_reason_cd"},
            new String[]{"1", "2025-03-01 08:15:00", "MGR"}, new String[]{"2", "2025-03-01 12:30:00", "  "},
            new String[]{"3", "2025-03-01 23:05:00", null}, new String[]{"4", "2025-03-02 02:40:00", "VIP"});

    @Test
    void shouldReadAnElseNamedByANounWithAnAsideAndKeyTheMapOnTheValueNamedFirst() throws Exception {
        CHECKS.expect("VARCHAR(12)", "open_ts", List.of("From the open hour: 4 to 10 is Breakfast, 11 to 15 is Lunch, 16 to 21 is"
                + " Dinner; every other hour (22:00 through 03:59) is Late Night."), "Breakfast", "Lunch", "Late Night", "Late Night");
    }

    @Test
    void shouldTestTheInputOfATruthValueForBlank() throws Exception {
        CHECKS.expect("BOOLEAN", "comp_reason_cd", List.of("true if a comp reason code is present, false if it is empty."),
                "true", "false", "false", "true");
    }

    private static final String[] LINES = {"line_id", "check_no", "qty", "parts_amt", "training_mode", "upd_ts"};
    private static final SampleRows SAMPLE = new SampleRows("lines", LINES,
            new String[]{"1", " c1", "2", "", "N", "2025-01-01 10:00:00"},
            new String[]{"1", "C1", "3", "4.5", "n", "2025-01-02 10:00:00"},
            new String[]{"2", "c2", "1", null, "y", "2025-01-01 10:00:00"},
            new String[]{"3", "c3", "5", "1", "", "2025-01-01 10:00:00"});

    @Test
    void shouldUseAValueAloneInANullCellAsTheValueForAMissingOne() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "line_id", "VARCHAR(5)", "lines", "line_id", "Copy.", null, null, true, null, null)
                .row("f", "parts_cost", "DECIMAL(10,2)", "lines", "parts_amt", "Convert to decimal, 2 dp.", null, null, false, null,
                        "0.00"));
        assertThat(SAMPLE.run(layer, "line_id", "parts_cost")).containsExactlyInAnyOrder("1|0.00", "1|4.50", "2|0.00", "3|1.00");
    }

    @Test
    void shouldReadThePickInSqlWhereProseAfterAReasonSaysItAgain() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("f", "line_id", "VARCHAR(5)", "lines", "line_id", "Copy.", null,
                        "The export writes a new row every time a line is edited, so keep only the latest version of each line –"
                                + " the row with the most recent upd_ts (text, YYYY-MM-DD HH24:MI:SS). Dedupe e.g. ROW_NUMBER() OVER"
                                + " (PARTITION BY line_id ORDER BY upd_ts DESC) = 1.")
                .row("f", "qty", "INTEGER", "lines", "qty", "Cast to integer."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        assertThat(SAMPLE.run(layer, "line_id", "qty")).containsExactlyInAnyOrder("1|3", "2|1", "3|5");
    }

    @Test
    void shouldReadRowsNamedThenTheInstructionThatLeavesThemOut() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "line_id", "VARCHAR(5)", "lines", "line_id", "Copy.", null,
                        "Training checks are not loaded – skip rows where training_mode = Y (any case); blank training_mode is a live"
                                + " check.", true, null, null)
                .row("f", "qty", "INTEGER", "lines", "qty", "Cast to integer."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        assertThat(SAMPLE.run(layer, "line_id", "qty")).containsExactlyInAnyOrder("1|2", "1|3", "3|5");
    }

    @Test
    void shouldReadNullCellsPhrasedOtherwise() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "line_id", "VARCHAR(5)", "lines", "line_id", "Copy.", null, null, true, null, null)
                .row("f", "qty", "INTEGER", "lines", "qty", "Cast to integer.", null, null, false, null, "Treat a null or empty qty as 0.")
                .row("f", "parts", "DECIMAL(10,2)", "lines", "parts_amt", "Cast to decimal.", null, null, false, null,
                        "Missing parts_amt = no parts (0).")
                .row("f", "mode", "VARCHAR(5)", "lines", "training_mode", "Trim and upper-case.", null, null, false, null,
                        "If training_mode is blank or null (a live check), set to 'N'."));
        assertThat(SAMPLE.run(layer, "line_id", "qty", "parts", "mode")).containsExactlyInAnyOrder(
                "1|2|0.00|N", "1|3|4.50|N", "2|1|0.00|Y", "3|5|1.00|N");
    }

    @Test
    void shouldReadAPickWhoseKeyIsFollowedByWhatBecomesOfTheRestAndInstructionsJoinedByAnd() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("f", "line_id", "VARCHAR(5)", "lines", "line_id", "Copy.", null,
                        "The extract can carry several versions of the same line; keep only the version with the most recent"
                                + " upd_ts per line_id and drop the rest.")
                .row("f", "qty", "INTEGER", "lines", "qty", "Cast to integer.", null,
                        "Skip rows where training_mode = Y (trimmed, any case - these are test swipes) and skip rows with no"
                                + " parts_amt.", false, null, null));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        assertThat(SAMPLE.run(layer, "line_id", "qty")).containsExactlyInAnyOrder("1|3", "3|5");
    }
}
