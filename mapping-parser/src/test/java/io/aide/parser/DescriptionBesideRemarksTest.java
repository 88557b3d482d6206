package io.aide.parser;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sheet with a field description and a remarks column: the analyst's remarks ("PK. Grain = one row per pay run per
 * employee") are kept beside the description, which the compiler reads as the row's notes; neither is dropped for the
 * other.
 */
class DescriptionBesideRemarksTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepTheRemarksBesideTheFieldDescription() throws Exception {
        Path file = Workbooks.create().sheet("Mapping")
                .row("Sr No", "Target Table Name", "Target Field Name", "Field Description", "Data Type & Length",
                        "Source Table Name", "Source Field Name", "Transformation / Business Logic", "Remarks")
                .row("1", "FACT_PAY_RUN", "pay_run_key", "Surrogate key", "INTEGER", null, null, "Sequence starting at 1",
                        "PK. Grain = one row per pay run per employee")
                .row("2", "FACT_PAY_RUN", "pay_run_id", "Pay run identifier", "VARCHAR(10)", "PAY_RUN_LINE", "pay_run_id",
                        "trim/upper", null)
                .row("3", "FACT_PAY_RUN", "net_pay", null, "DECIMAL(12,2)", "PAY_RUN_LINE", "amount", "Sum of amount",
                        "Cents are not used")
                .writeXlsx(dir, "remarks.xlsx");

        MappingSpec spec = new MappingParser().parse(file, "remarks.xlsx", ParseOptions.of("doc-1", "acme"));

        assertThat(row(spec, "pay_run_key").description()).isEqualTo("Surrogate key. PK. Grain = one row per pay run per employee");
        assertThat(row(spec, "pay_run_id").description()).isEqualTo("Pay run identifier");
        assertThat(row(spec, "net_pay").description()).isEqualTo("Cents are not used");
    }

    private static MappingRow row(MappingSpec spec, String column) {
        return spec.rows().stream().filter(r -> column.equals(r.targetColumn())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + column));
    }

    @Test
    void shouldTakeTheTransformationLogicForTheRuleAndTheBusinessRuleForTheDescription() throws Exception {
        Path file = Workbooks.create().sheet("Mapping")
                .row("Target Entity", "Target Attribute", "Data Type", "Source System", "Source Entity", "Source Attribute",
                        "Business Rule", "Transformation Logic", "Comments")
                .row("DIM_POLICY_HOLDER", "DATE_OF_BIRTH", "DATE", "POLADMIN", "POL_HOLDER", "DOB", null,
                        "Source is text DD/MM/YYYY. Convert to date.", null)
                .row("DIM_POLICY_HOLDER", "HOLDER_ID", "VARCHAR(10)", "POLADMIN", "POL_HOLDER", "HOLDER_ID",
                        "Business key of the policy holder.", "trim + upper", "Source has leading spaces.")
                .writeXlsx(dir, "two-rules.xlsx");

        MappingSpec spec = new MappingParser().parse(file, "two-rules.xlsx", ParseOptions.of("doc-1", "acme"));

        assertThat(spec.headerMapping().get("Mapping")).containsEntry("transformation", "Transformation Logic")
                .containsEntry("description", "Business Rule");
        assertThat(row(spec, "DATE_OF_BIRTH").transformation()).isEqualTo("Source is text DD/MM/YYYY. Convert to date.");
        assertThat(row(spec, "HOLDER_ID").description()).isEqualTo("Business key of the policy holder. Source has leading spaces.");
    }
}
