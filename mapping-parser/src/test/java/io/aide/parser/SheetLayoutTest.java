package io.aide.parser;

import io.aide.events.spec.MappingField;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SheetLayoutTest {

    private static SheetLayout.Row row(int number, String... cells) {
        return new SheetLayout.Row(number, cells);
    }

    @Test
    void shouldFindTheMappingHeaderBelowATitle() {
        // Given
        List<SheetLayout.Row> rows = List.of(row(1, "Orders mapping v2"),
                row(3, "Target Table", "Target Column", "Data Type", "Source Table", "Source Column",
                        "Transformation Rule"),
                row(4, "order_facts", "order_id", "INTEGER", "orders", "id", "Direct move"));

        // When
        SheetLayout layout = SheetLayout.find("Mapping", rows, Map.of(), false);

        // Then
        assertThat(layout.role()).isEqualTo("mapping");
        assertThat(layout.headerRow()).isEqualTo(3);
        assertThat(layout.headerIndex()).isEqualTo(1);
        assertThat(layout.reason()).isEqualTo("mapping header found in row 3");
        assertThat(layout.match().columns()).containsEntry(MappingField.TARGET_COLUMN, 1)
                .containsEntry(MappingField.TRANSFORMATION, 5);
    }

    @Test
    void shouldCombineATwoRowHeaderWhoseUpperBandNamesTheSide() {
        // Given: "Target" over two columns and "Source" over two, the field names below
        List<SheetLayout.Row> rows = List.of(row(1, "Target", null, "Source", null, "Rule"),
                row(2, "Table", "Column", "Table", "Column", null),
                row(3, "order_facts", "order_id", "orders", "id", "Direct move"));

        // When
        SheetLayout layout = SheetLayout.find("Mapping", rows, Map.of(), false);

        // Then
        assertThat(layout.role()).isEqualTo("mapping");
        assertThat(layout.headers()).containsExactly("Target Table", "Target Column", "Source Table", "Source Column",
                "Rule");
        assertThat(layout.headerRow()).isEqualTo(2);
    }

    @Test
    void shouldSkipACoverSheetAChangeLogAndAnEmptySheet() {
        // Given
        List<SheetLayout.Row> notes = List.of(row(1, "Prepared by the data office"), row(2, "Status: draft"));
        List<SheetLayout.Row> changes = List.of(row(1, "Version", "Date", "Author", "Description"),
                row(2, "1.0", "2026-01-02", "Ann", "first cut"));

        // When / Then
        assertThat(SheetLayout.find("Cover", notes, Map.of(), false).reason())
                .isEqualTo("not a mapping sheet (its name says cover, change log or instructions)");
        assertThat(SheetLayout.find("Sheet3", changes, Map.of(), false).reason())
                .isEqualTo("change log (version / date / author columns), not a mapping");
        assertThat(SheetLayout.find("Sheet4", List.of(), Map.of(), false))
                .isEqualTo(SheetLayout.skipped("empty sheet"));
    }

    @Test
    void shouldKeepATableThatIsNoMappingAsAReferenceTable() {
        // Given: a lookup with a blank trailing header cell and a blank one inside
        List<SheetLayout.Row> rows = List.of(row(2, "code", null, "label", null), row(3, "A", "x", "Active"));

        // When
        SheetLayout layout = SheetLayout.find("Status Lookup", rows, Map.of(), false);

        // Then
        assertThat(layout.role()).isEqualTo("reference");
        assertThat(layout.reason()).isEqualTo("lookup / parameter sheet kept as reference table 'Status Lookup'");
        assertThat(layout.referenceColumns()).containsExactly("code", "Column B", "label");
        assertThat(layout.headerRow()).isEqualTo(2);
        assertThat(layout.match()).isNull();
    }

    @Test
    void shouldReadEveryTableOfAReferenceFileAsReferenceEvenWithAMappingHeader() {
        // Given
        List<SheetLayout.Row> rows = List.of(row(1, "Target Table", "Target Column", "Source Column"),
                row(2, "order_facts", "order_id", "id"));

        // When
        SheetLayout layout = SheetLayout.find("Cover", rows, Map.of(), true);

        // Then
        assertThat(layout.role()).isEqualTo("reference");
        assertThat(layout.reason()).isEqualTo("sheet of an uploaded reference file");
    }

    @Test
    void shouldTakeTheColumnOfSentencesForTheRuleWhenNoHeaderNamesOne() {
        // Given: "How" names no field, but its cells say how each column is made
        List<SheetLayout.Row> rows = List.of(
                row(1, "Target Table", "Target Column", "Source Table", "Source Column", "How", "Owner"),
                row(2, "dim_loan", "loan_no", "ln_account", "loan_id", "Trim and upper case the loan id", "Ops"),
                row(3, "dim_loan", "principal", "ln_account", "principal_cents", "Held in cents - divide by 100", "Finance"),
                row(4, "dim_loan", "term", "ln_account", "term_mths", "Direct", "Ops"),
                row(5, "dim_loan", "status", "ln_account", "status_cd", "A = Active, C = Closed, else Unknown", "Ops"));

        // When
        SheetLayout layout = SheetLayout.find("Mapping", rows, Map.of(), false);

        // Then
        assertThat(layout.match().columns()).containsEntry(MappingField.TRANSFORMATION, 4).doesNotContainValue(5);
    }
}
