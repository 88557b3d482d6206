package io.aide.sqlgen.service;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetCompilerTest {

    private static GeneratedLayers.Column column(String name, String status, String ref, String reason) {
        return new GeneratedLayers.Column(name, "VARCHAR", ref, status, reason, List.of(), false, null, List.of(), null);
    }

    private static GeneratedLayers.Layer layer(List<GeneratedLayers.Column> columns) {
        return new GeneratedLayers.Layer("order_facts", Map.of(), null, List.of(), columns, List.of(), List.of());
    }

    @Test
    void shouldNameTheFlaggedColumnsWithTheirRowAndReason() {
        // Given
        GeneratedLayers.Layer layer = layer(List.of(column("order_id", "compiled", "@mapping[Mapping:4]", null),
                column("margin", "flagged", "@mapping[Mapping:9]", "no rule matched 'see finance'"),
                column("region", "flagged", null, null)));

        // When
        String thought = TargetCompiler.attention("order_facts", layer);

        // Then
        assertThat(thought).isEqualTo("2 column(s) of order_facts need attention and were emitted as typed NULL "
                + "with a TODO: margin @mapping[Mapping:9]: no rule matched 'see finance'; region.");
    }

    @Test
    void shouldListAtMostFiveFlaggedColumns() {
        // Given
        List<GeneratedLayers.Column> columns = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            columns.add(column("c" + i, "flagged", null, null));
        }

        // When
        String thought = TargetCompiler.attention("order_facts", layer(columns));

        // Then
        assertThat(thought).startsWith("7 column(s) of order_facts").endsWith("c1; c2; c3; c4; c5; ....");
    }
}
