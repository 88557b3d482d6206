package io.aide.parser;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real analysts' documents in ../shared/eval (relative to the repository root). Expected counts were taken
 * by hand from the files: every row with a target column is a mapping row.
 */
class EvalDocumentsTest {

    static Path eval;
    private final MappingParser parser = new MappingParser(ParserLimits.defaults());

    @BeforeAll
    static void locate() {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(module.resolve("mapping-parser")) ? module : module.getParent();
        // ../shared beside the checkout, or AIDE_SHARED_DIR for a checkout elsewhere (a git worktree)
        String shared = System.getenv("AIDE_SHARED_DIR");
        eval = (shared == null || shared.isBlank() ? root.resolve("../shared") : Path.of(shared)).resolve("eval")
                .normalize();
    }

    private MappingSpec parse(String relative) throws MappingFileException {
        assertTrue(Files.isDirectory(eval), "evaluation documents not present at " + eval
                + " (they live beside the repository in ../shared/eval, or at AIDE_SHARED_DIR/eval)");
        Path file = eval.resolve(relative);
        return parser.parse(file, file.getFileName().toString(), ParseOptions.defaults());
    }

    @Test
    void shouldRecognizeAllTwentyRowsOfJaffleShopUnderItsTitle() throws Exception {
        // Given the jaffle-shop STTM: title in rows 1-2, header in row 4, rows 5..24

        // When
        MappingSpec spec = parse("jaffle-shop/mapping.xlsx");

        // Then
        assertThat(spec.rows()).hasSize(20);
        assertThat(spec.targetCounts()).containsExactly(Map.entry("stg_payments", 4), Map.entry("orders", 9),
                Map.entry("customers", 7));
        assertThat(spec.rows().get(0).ref()).isEqualTo("@mapping[Mappings:5]");
        assertThat(spec.rows().get(19).ref()).isEqualTo("@mapping[Mappings:24]");
        assertThat(spec.rowsByTarget().get("customers")).extracting(MappingRow::targetColumn).containsExactly(
                "customer_id", "first_name", "last_name", "first_order", "most_recent_order", "number_of_orders",
                "customer_lifetime_value");
        MappingRow creditCard = spec.rowsByTarget().get("orders").get(4);
        assertThat(creditCard.targetColumn()).isEqualTo("credit_card_amount");
        assertThat(creditCard.join()).isEqualTo("raw_payments.order_id = raw_orders.id");
        assertThat(creditCard.nullHandling()).isEqualTo("0 when the order has no credit card payment");
        assertThat(spec.rowsByTarget().get("orders").get(0).key()).isTrue();
        assertThat(spec.referenceTable("Sources").rows()).hasSize(3);
        assertThat(spec.diagnostics()).noneMatch(d -> d.severity().equals("error"));
    }

    @Test
    void shouldRecognizeAllThirtyFourRowsOfSolarLogistics() throws Exception {
        // Given the solar-logistics STTM: header in row 1, rows 2..35, and a table-level phase2 sheet

        // When
        MappingSpec spec = parse("solar-logistics/mapping.xlsx");

        // Then
        assertThat(spec.rows()).hasSize(34);
        assertThat(spec.targetCounts()).containsExactly(Map.entry("stg_shipment", 34));
        assertThat(spec.rows().get(0).ref()).isEqualTo("@mapping[stg_shipment:2]");
        MappingRow category = spec.rows().stream().filter(r -> r.targetColumn().equals("product_category"))
                .findFirst().orElseThrow();
        assertThat(category.sourceColumns()).extracting(s -> s.column())
                .containsExactly("Product Group", "Sub Classification");
        MappingRow po = spec.rows().get(1);
        assertThat(po.sourceColumns()).extracting(s -> s.column()).containsExactly("PO / SO #");
        assertThat(po.attributes()).containsEntry("classification", "PUBLIC");
        assertThat(spec.sheets()).filteredOn(s -> s.name().equals("phase2_derivation"))
                .singleElement().satisfies(s -> assertThat(s.role()).isNotEqualTo("mapping"));
    }

    @Test
    void shouldRecognizeEveryTargetedRowOfTheSdtmSpecAndReportTheNotSubmittedOnes() throws Exception {
        // Given the sdtm.oak CM spec: 48 records; 37 name a target variable, 11 are NOT SUBMITTED rows

        // When
        MappingSpec spec = parse("sdtm-oak-cm/mapping.csv");

        // Then
        assertThat(spec.rows()).hasSize(37);
        assertThat(spec.targetCounts()).containsExactly(Map.entry("CM", 37));
        assertThat(spec.diagnostics()).filteredOn(d -> d.code().equals("row_without_target_column"))
                .extracting(d -> d.ref()).containsExactlyElementsOf(List.of(4, 9, 11, 14, 17, 20, 28, 29, 30, 31, 32)
                        .stream().map(n -> "@mapping[mapping:" + n + "]").toList());
        MappingRow cmtrt = spec.rows().stream().filter(r -> r.targetColumn().equals("CMTRT")).findFirst()
                .orElseThrow();
        assertThat(cmtrt.ref()).isEqualTo("@mapping[mapping:6]");
        assertThat(cmtrt.sourceTable()).isEqualTo("MD1");
        assertThat(cmtrt.rawSource()).isEqualTo("MDRAW");
        assertThat(cmtrt.transformation()).isEqualTo("ASSIGN_NO_CT");
        MappingRow prior = spec.rows().stream().filter(r -> r.targetColumn().equals("CMSTRTPT")).findFirst()
                .orElseThrow();
        assertThat(prior.attributes()).containsEntry("condition_left_raw_variable", "MDPRIOR")
                .containsEntry("condition_operator", "Checked")
                .containsEntry("target_term_value", "BEFORE")
                .containsEntry("entity_sub_algorithm", "HARDCODE_CT");
    }
}
