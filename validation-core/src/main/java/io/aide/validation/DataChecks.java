package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.aide.validation.CheckText.abbreviate;
import static io.aide.validation.CheckText.at;
import static io.aide.validation.CheckText.lookup;
import static io.aide.validation.CheckText.where;

/**
 * The data-quality checks on a layer's output table {@code out} once it ran on the sample: key unique and not
 * null, not null, castable to the declared type, accepted values, lookups found, row count against the driving
 * table, expected output. Failing rows are counted, with examples, and traced to their blocks and mapping rows.
 */
final class DataChecks {
    private final GeneratedLayers.Layer layer;
    private final ValidationInput input;
    private final DuckDbSandbox sandbox;
    private final Lineage lineage;
    private final String out;
    private final SandboxLimits limits;
    private final long outputRows;
    private final Map<PlannedCheck, Long> failingCounts = new LinkedHashMap<>();

    DataChecks(GeneratedLayers.Layer layer, ValidationInput input, DuckDbSandbox sandbox, Lineage lineage, String out,
               SandboxLimits limits, long outputRows) {
        this.layer = layer;
        this.input = input;
        this.sandbox = sandbox;
        this.lineage = lineage;
        this.out = out;
        this.limits = limits;
        this.outputRows = outputRows;
    }

    CheckResult dataCheck(PlannedCheck p) {
        return switch (p.check()) {
            case Checks.PK_UNIQUE -> pkUnique(p);
            case Checks.NOT_NULL -> notNull(p, lineage.column(p.column()));
            case Checks.CASTABLE -> castable(p, lineage.column(p.column()));
            case Checks.ACCEPTED_VALUES -> acceptedValues(p, lineage.column(p.column()));
            case Checks.REFERENTIAL -> referential(p, lineage.column(p.column()));
            case Checks.ROW_COUNT -> rowCount(p);
            case Checks.EXPECTED_OUTPUT -> new ExpectedOutput().run(p, layer, ExpectedOutput.expectedFor(input,
                    layer.target()), sandbox, out, lineage, limits.maxExampleRows());
            default -> CheckResult.of(p, CheckResult.SKIPPED, "unknown check " + p.check());
        };
    }

    private CheckResult pkUnique(PlannedCheck p) {
        List<String> keys = CheckPlanner.keyColumns(layer);
        List<String> missing = keys.stream().filter(k -> lineage.column(k) == null && !outputHas(k)).toList();
        if (!missing.isEmpty()) {
            return CheckResult.of(p, CheckResult.FAIL, "key column(s) " + missing + " are not in the output of "
                    + layer.target()).withCode("pk:missing_column");
        }
        String keyList = keys.stream().map(DuckDbSandbox::ident).collect(Collectors.joining(", "));
        String anyNull = keys.stream().map(k -> DuckDbSandbox.ident(k) + " IS NULL").collect(Collectors.joining(" OR "));
        long nulls = sandbox.query("SELECT count(*) FROM " + out + " WHERE " + anyNull, 1).singleLong();
        long dupRows = sandbox.query("SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM " + out
                + " WHERE NOT (" + anyNull + ") GROUP BY " + keyList + " HAVING count(*) > 1)", 1).singleLong();
        long failing = nulls + dupRows;
        if (failing == 0) {
            return CheckResult.of(p, CheckResult.PASS, "key (" + String.join(", ", keys) + ") of " + layer.target()
                    + " is unique and not null in " + outputRows + " rows").withCounts(0, outputRows, List.of());
        }
        List<Map<String, Object>> examples = new ArrayList<>(sandbox.query("SELECT " + keyList
                + ", count(*) AS duplicate_count FROM " + out + " WHERE NOT (" + anyNull + ") GROUP BY " + keyList
                + " HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT " + limits.maxExampleRows(), -1).rows());
        if (examples.size() < limits.maxExampleRows() && nulls > 0) {
            examples.addAll(sandbox.query("SELECT * FROM " + out + " WHERE " + anyNull + " LIMIT "
                    + (limits.maxExampleRows() - examples.size()), -1).rows());
        }
        Set<String> blocks = new LinkedHashSet<>();
        if (dupRows > 0) {
            layer.blocks().stream().map(GeneratedLayers.Block::name)
                    .filter(n -> n.equals("joins") || n.equals("group_by") || n.equals("union")).forEach(blocks::add);
        }
        keys.stream().map(lineage::column).filter(java.util.Objects::nonNull).forEach(c -> blocks.addAll(lineage.blocksOf(c)));
        return CheckResult.of(p, CheckResult.FAIL, "key (" + String.join(", ", keys) + ") of " + layer.target()
                        + ": " + dupRows + " rows share a key value, " + nulls + " rows have a NULL key"
                        + (dupRows > 0 && lineage.hasBlock("joins") ? "; a join that matches several rows multiplies them" : "")
                        + where(List.copyOf(blocks)))
                .withCode(dupRows > 0 ? "pk:duplicate" : "pk:null").withBlocks(List.copyOf(blocks))
                .withCounts(failing, outputRows, examples);
    }

    private boolean outputHas(String column) {
        return sandbox.query("SELECT count(*) FROM duckdb_columns() WHERE table_name = " + DuckDbSandbox.literal(out)
                + " AND lower(column_name) = lower(" + DuckDbSandbox.literal(column) + ")", 1).singleLong() > 0;
    }

    private CheckResult predicateCheck(PlannedCheck p, GeneratedLayers.Column c, String failingWhere, String code,
                                       String passMessage, String failMessage) {
        Long counted = failingCounts.get(p);
        long failing = counted != null ? counted
                : sandbox.query("SELECT count(*) FROM " + out + " WHERE " + failingWhere, 1).singleLong();
        if (failing == 0) {
            return CheckResult.of(p, CheckResult.PASS, passMessage).withCounts(0, outputRows, List.of());
        }
        List<Map<String, Object>> examples = sandbox.query("SELECT * FROM " + out + " WHERE " + failingWhere
                + " LIMIT " + limits.maxExampleRows(), -1).rows();
        List<String> blocks = lineage.blocksOf(c);
        return CheckResult.of(p, CheckResult.FAIL, String.format(failMessage, failing, outputRows) + at(c) + where(blocks))
                .withCode(code).withBlocks(blocks).withMappingRefs(lineage.refsOf(c)).withCounts(failing, outputRows, examples);
    }

    private String col(GeneratedLayers.Column c) {
        return DuckDbSandbox.ident(c.name());
    }

    /** The failing-row predicate of a not_null, castable or accepted_values check; null for other checks. */
    private String predicateOf(PlannedCheck p) {
        GeneratedLayers.Column c = p.column() == null ? null : lineage.column(p.column());
        if (c == null) {
            return null;
        }
        switch (p.check()) {
            case Checks.NOT_NULL:
                return col(c) + " IS NULL";
            case Checks.CASTABLE:
                TypeMapping.Target target = TypeMapping.map(c.type()).orElseThrow();
                return col(c) + " IS NOT NULL AND (TRY_CAST(" + col(c) + " AS " + target.duckdbType() + ") IS NULL"
                        + (target.maxLength() != null ? " OR length(CAST(" + col(c) + " AS VARCHAR)) > " + target.maxLength() : "")
                        + ")";
            case Checks.ACCEPTED_VALUES:
                String list = c.acceptedValues().stream().map(DuckDbSandbox::literal).collect(Collectors.joining(", "));
                String type = outputType(c.name());
                // a value map's '1'/'0' must also match a BOOLEAN or numeric output, so compare in the column's type too
                String typed = type == null || type.startsWith("VARCHAR") ? "" : " AND " + col(c) + " NOT IN (SELECT TRY_CAST(v AS "
                        + type + ") FROM (VALUES " + c.acceptedValues().stream().map(v -> "(" + DuckDbSandbox.literal(v) + ")")
                        .collect(Collectors.joining(", ")) + ") AS accepted(v))";
                return col(c) + " IS NOT NULL AND CAST(" + col(c) + " AS VARCHAR) NOT IN (" + list + ")" + typed;
            default:
                return null;
        }
    }

    /** Failing counts of every column check in one scan of the output; empty when that scan fails. */
    void countInOneScan(Collection<PlannedCheck> planned) {
        List<PlannedCheck> checks = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        for (PlannedCheck p : planned) {
            String predicate = predicateOf(p);
            if (predicate != null) {
                filters.add("count(*) FILTER (WHERE " + predicate + ") AS \"k" + checks.size() + "\"");
                checks.add(p);
            }
        }
        if (checks.isEmpty()) {
            return;
        }
        try {
            Map<String, Object> row = sandbox.query("SELECT " + String.join(", ", filters) + " FROM " + out, 1).rows().get(0);
            for (int i = 0; i < checks.size(); i++) {
                failingCounts.put(checks.get(i), ((Number) row.get("k" + i)).longValue());
            }
        } catch (SandboxException e) {
            failingCounts.clear();
        }
    }

    private CheckResult notNull(PlannedCheck p, GeneratedLayers.Column c) {
        String name = layer.target() + "." + c.name();
        return predicateCheck(p, c, predicateOf(p), "not_null:null",
                name + " has no NULL in " + outputRows + " rows",
                "%d of %d rows of " + name + " are NULL, but the mapping says the column is not nullable");
    }

    private CheckResult castable(PlannedCheck p, GeneratedLayers.Column c) {
        TypeMapping.Target target = TypeMapping.map(c.type()).orElseThrow();
        String name = layer.target() + "." + c.name();
        return predicateCheck(p, c, predicateOf(p), "castable:" + target.category(),
                "every value of " + name + " fits " + c.type(),
                "%d of %d rows of " + name + " do not fit the declared type " + c.type());
    }

    private CheckResult acceptedValues(PlannedCheck p, GeneratedLayers.Column c) {
        String name = layer.target() + "." + c.name();
        return predicateCheck(p, c, predicateOf(p),
                "accepted_values:unexpected", "every value of " + name + " is one of the value map's "
                        + c.acceptedValues().size() + " values",
                "%d of %d rows of " + name + " hold a value the value map does not produce "
                        + abbreviate(c.acceptedValues()));
    }

    private String outputType(String column) {
        Object type = sandbox.query("SELECT data_type FROM duckdb_columns() WHERE table_name = " + DuckDbSandbox.literal(out)
                + " AND lower(column_name) = lower(" + DuckDbSandbox.literal(column) + ")", 1).single();
        return type == null ? null : type.toString();
    }

    private CheckResult referential(PlannedCheck p, GeneratedLayers.Column c) {
        Map<String, Map<String, String>> schema = sandbox.schema();
        Map<String, String> lookupColumns = lookup(schema, c.lookupTable());
        if (lookupColumns == null) {
            return CheckResult.of(p, CheckResult.SKIPPED, "lookup table '" + c.lookupTable() + "' of " + layer.target()
                    + "." + c.name() + " is not in the sample or the mapping's reference tables").withCode("skipped:no_lookup");
        }
        String table = schema.keySet().stream().filter(k -> k.equalsIgnoreCase(c.lookupTable()) || k.toLowerCase(Locale.ROOT)
                .endsWith("." + c.lookupTable().toLowerCase(Locale.ROOT))).findFirst().orElse(c.lookupTable());
        String values = lookupColumns.keySet().stream().map(k -> "SELECT CAST(" + DuckDbSandbox.ident(k)
                + " AS VARCHAR) AS v FROM " + DuckDbSandbox.tableRef(table)).collect(Collectors.joining(" UNION "));
        String name = layer.target() + "." + c.name();
        return predicateCheck(p, c, col(c) + " IS NOT NULL AND CAST(" + col(c) + " AS VARCHAR) NOT IN (SELECT v FROM ("
                        + values + ") WHERE v IS NOT NULL)", "referential:orphan",
                "every value of " + name + " is found in lookup " + c.lookupTable(),
                "%d of %d rows of " + name + " hold a value not found in lookup " + c.lookupTable());
    }

    private CheckResult rowCount(PlannedCheck p) {
        String driving = layer.sourceTables().get(0);
        Map<String, Map<String, String>> schema = sandbox.schema();
        String table = schema.keySet().stream().filter(k -> k.equalsIgnoreCase(driving)).findFirst().orElse(null);
        if (table == null) {
            return CheckResult.of(p, CheckResult.SKIPPED, "driving table " + driving + " is not in the sample")
                    .withCode("skipped:no_source");
        }
        long source = sandbox.query("SELECT count(*) FROM " + DuckDbSandbox.tableRef(table), 1).singleLong();
        boolean reduces = lineage.hasBlock("where_clause") || lineage.hasBlock("group_by");
        boolean unions = lineage.hasBlock("union");
        String counts = layer.target() + " has " + outputRows + " rows, driving table " + driving + " has " + source;
        if (outputRows == source || unions || (reduces && outputRows < source)) {
            String note = outputRows == source ? "" : unions ? " (union of several sources)" : " (filtered or aggregated)";
            return CheckResult.of(p, CheckResult.PASS, counts + note).withCounts(0, source, List.of());
        }
        List<String> blocks = new ArrayList<>();
        String why;
        if (outputRows > source) {
            why = "; more rows than the driving table: a join matches several rows per source row";
            if (lineage.hasBlock("joins")) {
                blocks.add("joins");
            }
        } else {
            why = "; rows were lost: an inner join without a match or a filter drops them";
            if (lineage.hasBlock("joins")) {
                blocks.add("joins");
            }
            if (lineage.hasBlock("where_clause")) {
                blocks.add("where_clause");
            }
        }
        return CheckResult.of(p, CheckResult.FAIL, counts + why + where(blocks))
                .withCode(outputRows > source ? "row_count:fan_out" : "row_count:lost_rows").withBlocks(blocks)
                .withMappingRefs(lineage.refsOfBlocks(blocks)).withCounts(Math.abs(outputRows - source), source, List.of());
    }
}
