package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;
import io.aide.validation.compare.ColumnResult;
import io.aide.validation.compare.ColumnStatus;
import io.aide.validation.compare.DefinedColumn;
import io.aide.validation.compare.ExpectedComparator;
import io.aide.validation.compare.ResultTable;
import io.aide.validation.compare.TargetComparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The expected_output check: the layer's rows against the user's expected rows, with the eval's semantics. */
final class ExpectedOutput {
    private final ExpectedComparator comparator = new ExpectedComparator();

    static Path expectedFor(ValidationInput input, String target) {
        return input.expected().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(target))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    CheckResult run(PlannedCheck p, GeneratedLayers.Layer layer, Path expectedFile, DuckDbSandbox sandbox, String out,
                    Lineage lineage, int maxExamples) {
        ResultTable expected;
        try {
            expected = ResultTable.readCsv(expectedFile);
        } catch (IOException | RuntimeException e) {
            return CheckResult.of(p, CheckResult.ERROR, "the expected rows of " + layer.target() + " cannot be read: "
                    + e.getMessage()).withCode("expected:unreadable");
        }
        QueryResult rows = sandbox.queryText("SELECT * FROM " + out);
        List<List<String>> actualRows = new ArrayList<>();
        for (Map<String, Object> row : rows.rows()) {
            List<String> values = new ArrayList<>();
            rows.columns().forEach(c -> values.add((String) row.get(c)));
            actualRows.add(values);
        }
        List<DefinedColumn> defined = layer.columns().stream().map(c -> new DefinedColumn(c.name(), c.mappingRef(),
                "flagged".equalsIgnoreCase(c.status()), c.reason())).toList();
        TargetComparison comparison = comparator.compare(layer.target(), CheckPlanner.keyColumns(layer), defined,
                new ResultTable(rows.columns(), actualRows), expected);
        Map<ColumnStatus, Integer> counts = comparison.counts();
        int bad = counts.get(ColumnStatus.MISMATCH) + counts.get(ColumnStatus.ERROR);
        List<Map<String, Object>> examples = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>();
        Set<String> blocks = new LinkedHashSet<>();
        for (ColumnResult c : comparison.columns()) {
            if (c.status() == ColumnStatus.MISMATCH || c.status() == ColumnStatus.ERROR) {
                if (examples.size() < maxExamples) {
                    Map<String, Object> ex = new LinkedHashMap<>();
                    ex.put("column", c.column());
                    ex.put("status", c.status().id());
                    ex.put("mapping_ref", c.mappingRef());
                    ex.put("differing_rows", c.differingRows());
                    ex.put("detail", c.detail());
                    examples.add(ex);
                }
                if (c.mappingRef() != null) {
                    refs.add(c.mappingRef());
                }
                GeneratedLayers.Column column = lineage.column(c.column());
                if (column != null) {
                    blocks.addAll(lineage.blocksOf(column));
                }
            }
        }
        String summary = layer.target() + " against " + comparison.rowsExpected() + " expected rows (" + comparison.rowsActual()
                + " produced, " + comparison.alignmentDescription()
                + "): " + counts.get(ColumnStatus.MATCH) + " match, " + counts.get(ColumnStatus.MISMATCH) + " mismatch, "
                + counts.get(ColumnStatus.ERROR) + " error, " + counts.get(ColumnStatus.FLAGGED) + " flagged, "
                + counts.get(ColumnStatus.NOT_IN_SPEC) + " not in the mapping"
                + (comparison.note() == null ? "" : "; " + comparison.note());
        if (bad == 0) {
            return CheckResult.of(p, CheckResult.PASS, summary).withCounts(0, comparison.scoredColumns(), List.of());
        }
        return CheckResult.of(p, CheckResult.FAIL, summary).withCode("expected:mismatch")
                .withBlocks(List.copyOf(blocks)).withMappingRefs(List.copyOf(refs))
                .withCounts(bad, comparison.scoredColumns(), examples);
    }

}
