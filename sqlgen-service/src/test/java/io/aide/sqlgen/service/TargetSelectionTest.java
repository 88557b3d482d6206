package io.aide.sqlgen.service;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.MappingEdited;
import io.aide.sqlgen.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetSelectionTest {
    private static final MappingSpec SPEC = Fixtures.ordersAndCustomers("acme", "doc_1", 1, "Trim");
    private static final Map<String, List<MappingRow>> BY_TARGET = SPEC.rowsByTarget();

    @Test
    void shouldResolveRequestedTargetsToTheMappingsSpellingOnce() {
        // Given / When
        List<String> targets = TargetSelection.resolveTargets(List.of(" CUSTOMER_DIM ", "customer_dim"), BY_TARGET);

        // Then
        assertThat(targets).containsExactly("customer_dim");
    }

    @Test
    void shouldCompileEveryTargetWhenNoneWasRequested() {
        // Given / When
        List<String> targets = TargetSelection.resolveTargets(List.of(), BY_TARGET);

        // Then
        assertThat(targets).containsExactly("order_facts", "customer_dim");
    }

    @Test
    void shouldRejectATargetTheMappingDoesNotHave() {
        // Given / When / Then
        assertThatThrownBy(() -> TargetSelection.resolveTargets(List.of("order_facts", "invoices"), BY_TARGET))
                .isInstanceOfSatisfying(SqlgenException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_target");
                    assertThat(e.stage()).isEqualTo(Stages.LOADING_SPEC);
                    assertThat(e.getMessage()).contains("[invoices]").contains("order_facts, customer_dim");
                });
    }

    @Test
    void shouldRecompileTheNamedTargetsOfAMappingEdit() {
        // Given
        MappingEdited edited = new MappingEdited("doc_1", 2, null, List.of("@mapping[Mapping:4]"),
                List.of("CUSTOMER_DIM"), "alice");

        // When
        List<String> affected = TargetSelection.affectedTargets(edited, SPEC, List.of("order_facts", "customer_dim"));

        // Then: the named target wins over the changed row's target
        assertThat(affected).containsExactly("customer_dim");
    }

    @Test
    void shouldRecompileTheTargetsOfTheChangedRowsWhenNoTargetIsNamed() {
        // Given: row 10 maps customer_dim
        MappingEdited edited = new MappingEdited("doc_1", 2, null, List.of("@mapping[Mapping:10]"), List.of(), "alice");

        // When
        List<String> affected = TargetSelection.affectedTargets(edited, SPEC, List.of("order_facts", "customer_dim"));

        // Then
        assertThat(affected).containsExactly("customer_dim");
    }

    @Test
    void shouldRecompileEveryTargetWhenTheEditSaysNothingAboutWhatChanged() {
        // Given
        MappingEdited edited = new MappingEdited("doc_1", 2, null, List.of(), List.of(), "alice");

        // When
        List<String> affected = TargetSelection.affectedTargets(edited, SPEC, List.of("customer_dim", "order_facts"));

        // Then: in the generation's order
        assertThat(affected).containsExactly("customer_dim", "order_facts");
    }

    @Test
    void shouldAddNewTargetsAndDropRemovedOnesWhenRefreshingAGenerationOfAllTargets() {
        // Given: the generation compiled order_facts and a target the mapping no longer has
        List<String> current = List.of("order_facts", "returns");

        // When
        List<String> targets = TargetSelection.refreshedTargets(current, List.of(), BY_TARGET);

        // Then
        assertThat(targets).containsExactly("order_facts", "customer_dim");
    }

    @Test
    void shouldKeepToTheRequestedTargetsWhenRefreshing() {
        // Given / When
        List<String> targets = TargetSelection.refreshedTargets(List.of("order_facts"), List.of("order_facts"),
                BY_TARGET);

        // Then
        assertThat(targets).containsExactly("order_facts");
    }

    @Test
    void shouldNameTheLayerAfterItsOnlyTargetOrTheMappingFile() {
        // Given
        MappingSpec named = new MappingSpec("doc_1", "acme", 1, "Q3 Orders - Mapping v2.xlsx", "xlsx", Map.of(),
                List.of(), SPEC.rows(), List.of(), List.of());
        MappingSpec unnamed = new MappingSpec("doc_1", "acme", 1, null, "csv", Map.of(), List.of(), SPEC.rows(),
                List.of(), List.of());

        // When / Then
        assertThat(TargetSelection.layerName(named, List.of("order_facts"))).isEqualTo("order_facts");
        assertThat(TargetSelection.layerName(named, List.of("order_facts", "customer_dim")))
                .isEqualTo("q3_orders_mapping_v2");
        assertThat(TargetSelection.layerName(unnamed, List.of("order_facts", "customer_dim")))
                .isEqualTo("semantic_layer");
    }
}
