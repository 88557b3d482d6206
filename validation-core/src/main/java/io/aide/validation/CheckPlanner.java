package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which checks a layer gets, in the order they run: syntax per dialect, binding and execution on DuckDB, then the
 * data checks the mapping implies (key, not null, castable, accepted values, referential, row count, expected
 * output).
 */
final class CheckPlanner {
    /** Every check but syntax runs on DuckDB. */
    static final String RUN_DIALECT = "duckdb";

    private CheckPlanner() {
    }

    static List<PlannedCheck> plan(ValidationInput input) {
        List<PlannedCheck> plan = new ArrayList<>();
        for (GeneratedLayers.Layer layer : input.layers().layers()) {
            plan.addAll(planLayer(layer, input));
        }
        return plan;
    }

    static List<PlannedCheck> planLayer(GeneratedLayers.Layer layer, ValidationInput input) {
        List<PlannedCheck> plan = new ArrayList<>();
        String t = layer.target();
        for (String dialect : syntaxDialects(input)) {
            plan.add(new PlannedCheck(Checks.SYNTAX, t, null, dialect, List.of()));
        }
        plan.add(new PlannedCheck(Checks.BINDING, t, null, RUN_DIALECT, List.of()));
        plan.add(new PlannedCheck(Checks.EXECUTION, t, null, RUN_DIALECT, List.of()));
        List<GeneratedLayers.Column> compiled = layer.columns().stream()
                .filter(c -> !"flagged".equalsIgnoreCase(c.status())).toList();
        List<String> keys = keyColumns(layer);
        if (!keys.isEmpty()) {
            List<String> refs = compiled.stream().filter(c -> keys.contains(c.name()) && c.mappingRef() != null)
                    .map(GeneratedLayers.Column::mappingRef).toList();
            plan.add(new PlannedCheck(Checks.PK_UNIQUE, t, String.join(",", keys), RUN_DIALECT, refs));
        }
        for (GeneratedLayers.Column c : compiled) {
            if (Boolean.FALSE.equals(c.nullable()) && !keys.contains(c.name())) {
                plan.add(planned(Checks.NOT_NULL, t, c));
            }
        }
        for (GeneratedLayers.Column c : compiled) {
            if (TypeMapping.map(c.type()).isPresent()) {
                plan.add(planned(Checks.CASTABLE, t, c));
            }
        }
        for (GeneratedLayers.Column c : compiled) {
            if (!c.acceptedValues().isEmpty()) {
                plan.add(planned(Checks.ACCEPTED_VALUES, t, c));
            }
        }
        for (GeneratedLayers.Column c : compiled) {
            if (c.lookupTable() != null && !c.lookupTable().isBlank()) {
                plan.add(planned(Checks.REFERENTIAL, t, c));
            }
        }
        if (!layer.sourceTables().isEmpty()) {
            plan.add(new PlannedCheck(Checks.ROW_COUNT, t, null, RUN_DIALECT, List.of()));
        }
        if (ExpectedOutput.expectedFor(input, t) != null) {
            plan.add(new PlannedCheck(Checks.EXPECTED_OUTPUT, t, null, RUN_DIALECT, List.of()));
        }
        return plan;
    }

    private static PlannedCheck planned(String check, String target, GeneratedLayers.Column c) {
        return new PlannedCheck(check, target, c.name(), RUN_DIALECT, c.mappingRef() == null ? List.of() : List.of(c.mappingRef()));
    }

    private static List<String> syntaxDialects(ValidationInput input) {
        Set<String> dialects = new LinkedHashSet<>();
        dialects.add(RUN_DIALECT);
        for (String d : input.dialects()) {
            String lower = d.toLowerCase(Locale.ROOT);
            if (LayerValidator.SQL_DIALECTS.contains(lower)) {
                dialects.add(lower);
            }
        }
        return List.copyOf(dialects);
    }

    static List<String> keyColumns(GeneratedLayers.Layer layer) {
        if (!layer.keyColumns().isEmpty()) {
            return layer.keyColumns();
        }
        return layer.columns().stream().filter(GeneratedLayers.Column::key).map(GeneratedLayers.Column::name).toList();
    }
}
