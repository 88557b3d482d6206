package io.aide.parser;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SheetInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sheet of blocks, each under a title naming its target ("Target: DIM_METER") and its own copy of the header, and a
 * notes sheet of numbered lines whose first line that looks like a header comes late ("Q1 | Should ..."). The blocks
 * were read as one target named after the sheet, their titles as columns; the numbered notes above that line were lost.
 */
class BlockTitlesAndNotesLinesTest {

    @TempDir
    Path dir;

    private final MappingParser parser = new MappingParser(ParserLimits.defaults());

    private MappingSpec parse(Path file) throws MappingFileException {
        return parser.parse(file, file.getFileName().toString(), ParseOptions.of("doc-1", "acme"));
    }

    @Test
    void shouldTakeEachBlocksTargetFromTheTitleAboveIt() throws Exception {
        // Given: the first title above the header, the next ones between the blocks with the header repeated
        Path file = Workbooks.create().sheet("Mapping")
                .row("Meter-to-Cash Mart - Source to Target Mapping")
                .row("Target: DIM_METER")
                .row("Column", "Type", "Source", "Rule / Derivation", "Notes")
                .row("METER_ID", "VARCHAR(20)", "CIS_METER.METER_NO", "Trim and upper case", "(PK)")
                .row("PREMISE_ID", "VARCHAR(12)", "CIS_METER.PREMISE_ID", "Direct map", null)
                .row("Target table - FACT_BILL (one row per bill)")
                .row("Column", "Type", "Source", "Rule / Derivation", "Notes")
                .row("BILL_ID", "VARCHAR(12)", "CIS_BILL.BILL_NO", "As is", null)
                .writeXlsx(dir, "blocks.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.targetCounts()).containsExactly(Map.entry("DIM_METER", 2), Map.entry("FACT_BILL", 1));
        assertThat(spec.rows()).extracting(MappingRow::targetColumn).containsExactly("METER_ID", "PREMISE_ID", "BILL_ID");
        assertThat(spec.rows().get(2).sourceColumns()).singleElement()
                .satisfies(s -> assertThat(s.table() + "." + s.column()).isEqualTo("CIS_BILL.BILL_NO"));
        // the table a qualified source cell names is the row's source table, where no column gives one
        assertThat(spec.rows()).extracting(MappingRow::sourceTable).containsExactly("CIS_METER", "CIS_METER", "CIS_BILL");
        assertThat(spec.sheets()).filteredOn(s -> s.name().equals("Mapping")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("target tables taken from the title above each block"));
        assertThat(spec.diagnostics()).noneMatch(d -> d.code().equals("empty_rule") || d.code().equals("duplicate_target_column"));
    }

    @Test
    void shouldKeepEveryNumberedLineOfANotesSheetButNotItsChangeLog() throws Exception {
        // Given
        Path file = Workbooks.create()
                .sheet("Mapping").row("Target Table", "Target Field", "Source Table", "Source Field", "Transformation Rule")
                .row("dim_student", "student_id", "SIS_STUDENT", "STU_ID", "Trim spaces")
                .sheet("Notes").row("General rules")
                .row("1", "Sources are the nightly PSIS extract. All columns arrive as text.")
                .row("2", "Test and demo students (student number starting with 99) must not flow into any mart table.")
                .row("Open questions")
                .row("Q1", "Should enrolled_days count the exit day? (asked M. Alvarez, 14/11)")
                .row("Q2", "Preferred name source - parent portal go-live date unknown.")
                .sheet("Change Log").row("Version", "Date", "Author", "Change")
                .row("0.7", "17/11/2025", "S. Lindqvist", "test students excluded")
                .writeXlsx(dir, "notes.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.sheets()).extracting(SheetInfo::name, SheetInfo::role).contains(
                org.assertj.core.groups.Tuple.tuple("Notes", "notes"));
        assertThat(spec.notes()).extracting(n -> n.sheet() + ":" + n.row() + " " + n.text()).containsExactly(
                "Notes:1 General rules",
                "Notes:2 1 | Sources are the nightly PSIS extract. All columns arrive as text.",
                "Notes:3 2 | Test and demo students (student number starting with 99) must not flow into any mart table.",
                "Notes:4 Open questions",
                "Notes:5 Q1 | Should enrolled_days count the exit day? (asked M. Alvarez, 14/11)",
                "Notes:6 Q2 | Preferred name source - parent portal go-live date unknown.");
    }

    @Test
    void shouldReadTheRulesAboveAChangeLogAtTheFootOfARulesSheet() throws Exception {
        // Given: numbered rules (a number and a sentence, so no line looks like a header) above a change log table
        Path file = Workbooks.create()
                .sheet("Mapping").row("Target Table", "Target Field", "Source Table", "Source Field", "Transformation Rule")
                .row("dim_store", "store_code", "POS_STORE", "STORE_NO", "Trim spaces")
                .sheet("General Rules").row("General rules (apply to every target unless the row says otherwise)")
                .row("1", "All text fields from the POS extract are trimmed before use; code comparisons are case-insensitive.")
                .row("2", "The literal text 'NULL' in the extract is treated the same as an empty field.")
                .row("Change log")
                .row("Version", "Date", "By", "Change")
                .row("1.1", "30-Nov-2026", "R. O.", "Demo stores excluded from dim_store")
                .writeXlsx(dir, "rules.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then: the rules are notes, the log is not
        assertThat(spec.notes()).extracting(n -> n.sheet() + ":" + n.row() + " " + n.text()).containsExactly(
                "General Rules:1 General rules (apply to every target unless the row says otherwise)",
                "General Rules:2 1 | All text fields from the POS extract are trimmed before use; code comparisons are case-insensitive.",
                "General Rules:3 2 | The literal text 'NULL' in the extract is treated the same as an empty field.");
        assertThat(spec.sheets()).filteredOn(s -> s.name().equals("General Rules")).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("notes above a change log"));
    }
}
