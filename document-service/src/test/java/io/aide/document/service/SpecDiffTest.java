package io.aide.document.service;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpecDiffTest {

    private static MappingRow row(int line, String column, String rule, Map<String, String> attributes) {
        return new MappingRow(null, "Map", line, "orders", column, "int", null, "src_orders", List.of(), null, rule, null,
                null, false, null, null, null, null, attributes);
    }

    private static MappingSpec spec(int version, MappingRow... rows) {
        return new MappingSpec("doc", "acme", version, "m.xlsx", "xlsx", null, null, List.of(rows), null, null);
    }

    @Test
    void shouldReportAddedRemovedAndChangedRowsFieldByField() {
        // Given
        MappingSpec v1 = spec(1, row(2, "id", "id", Map.of()), row(3, "total", "amount", Map.of("Owner", "ana")),
                row(4, "gone", "x", Map.of()));
        MappingSpec v2 = spec(2, row(2, "id", "id", Map.of()), row(3, "total", "amount * 100", Map.of("Owner", "bo")),
                row(5, "added", "y", Map.of()));

        // When
        SpecDiff.Result diff = SpecDiff.between(v1, v2);

        // Then
        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(2);
        assertThat(diff.added()).extracting(MappingRow::ref).containsExactly("@mapping[Map:5]");
        assertThat(diff.removed()).extracting(MappingRow::ref).containsExactly("@mapping[Map:4]");
        assertThat(diff.changed()).hasSize(1);
        SpecDiff.RowChange change = diff.changed().get(0);
        assertThat(change.ref()).isEqualTo("@mapping[Map:3]");
        assertThat(change.fields()).extracting(SpecDiff.FieldChange::field)
                .containsExactlyInAnyOrder("transformation", "attributes.Owner");
        assertThat(change.fields()).filteredOn(f -> f.field().equals("transformation"))
                .allSatisfy(f -> {
                    assertThat(f.from().asText()).isEqualTo("amount");
                    assertThat(f.to().asText()).isEqualTo("amount * 100");
                });
    }

    @Test
    void shouldFindNoDifferenceBetweenEqualVersions() {
        // Given
        MappingSpec v1 = spec(1, row(2, "id", "id", Map.of()));

        // When
        SpecDiff.Result diff = SpecDiff.between(v1, v1.withVersion(2));

        // Then
        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void shouldReportAFieldClearedToNull() {
        // Given
        MappingRow before = row(2, "id", "id", Map.of());
        MappingRow after = row(2, "id", null, Map.of());

        // When
        List<SpecDiff.FieldChange> changes = SpecDiff.fieldChanges(before, after);

        // Then
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("transformation");
            assertThat(c.to().isNull()).isTrue();
        });
    }
}
