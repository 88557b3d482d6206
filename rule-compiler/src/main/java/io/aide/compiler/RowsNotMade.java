package io.aide.compiler;

import io.aide.compiler.ColumnBinder.Compiled;
import io.aide.compiler.SourceTables.Table;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why a target's rows are not the ones the mapping asks for, so that every column says so rather than give values over
 * other rows: a filter not applied, a grouping column flagged in a grouped target, a summary of another target whose
 * measures are flagged, rows said to come from two tables side by side that the view reads one of.
 */
final class RowsNotMade {
    private final Map<String, String> writtenRules;
    private final SourceTables tables;

    RowsNotMade(Map<String, String> writtenRules, SourceTables tables) {
        this.writtenRules = writtenRules;
        this.tables = tables;
    }

    /** Why the target's rows are not the mapping's, or null. */
    String why(List<String> whereTodos, List<Compiled> columns, List<String> keyColumns, boolean grouped, Table baseTable,
               List<MappingRow> rows) {
        List<String> grainColumns = new ArrayList<>(keyColumns);
        // "Group by. Lines with OUTLET_SK = -1 ... are not carried": a column its rule says the rows are grouped by is part
        // of the grain as much as a declared key
        columns.stream().filter(c -> c.rows().stream().map(r -> writtenRules.getOrDefault(r.ref(), r.transformation()))
                .anyMatch(t -> t != null && GROUPING_RULE.matcher(t).find())).forEach(c -> grainColumns.add(c.name()));
        // a target whose compiled columns aggregate groups its rows by the others, whether or not any of them compiled
        boolean aggregating = grouped || columns.stream().anyMatch(c -> !c.flagged() && c.expr() != null
                && io.aide.compiler.plan.Expr.hasAggregate(c.expr()));
        if (aggregating) {
            // "Direct (grain)", "Direct" beside "Number of plays in the group": each column that aggregates nothing is one
            // the rows are grouped by
            columns.stream().filter(c -> c.flagged() && c.rows().stream().noneMatch(r -> io.aide.compiler.lang.Aggregates.leads(
                    writtenRules.getOrDefault(r.ref(), r.transformation() == null ? "" : r.transformation()))))
                    .forEach(c -> grainColumns.add(c.name()));
        }
        String unread = rowsUnknown(whereTodos, columns, grainColumns, aggregating);
        String notMeasured = unread != null ? unread : ungroupedMeasure(columns, grouped, baseTable);
        return notMeasured != null ? notMeasured : unionNotMade(rows);
    }

    /**
     * "Count of distinct invoice numbers in the carrier-month" over the rows of the other target this one summarises,
     * flagged, in a target that groups nothing: its rows are groups of those rows, which the view does not make; why, or
     * null.
     */
    private String ungroupedMeasure(List<Compiled> columns, boolean grouped, Table baseTable) {
        if (grouped || baseTable == null || !tables.isOtherTarget(baseTable.name())) {
            // (a summary of another target's rows: over a source table, "Number of days from ..." is no group's count)
            return null;
        }
        String own = baseTable.name();
        Compiled measure = columns.stream().filter(c -> c.flagged() && c.rows().stream().anyMatch(r -> own.equalsIgnoreCase(r.sourceTable())
                && io.aide.compiler.lang.Aggregates.leads(writtenRules.getOrDefault(r.ref(), r.transformation() == null ? "" : r.transformation()))))
                .findFirst().orElse(null);
        return measure == null ? null : "its column " + measure.name() + " aggregates the rows it reads and is flagged, so its rows "
                + "(groups of those rows) are not made";
    }

    /** "TM_TICKETS / APP_SESSIONS", "TICKET_NO / SESSION_REF": two names side by side, a table (or column) of each branch. */
    private static final java.util.regex.Pattern SIDE_BY_SIDE = java.util.regex.Pattern.compile("^\\s*[A-Za-z_][\\w.]*\\s*/\\s*[A-Za-z_][\\w.]*\\s*$");

    /**
     * A target whose rows come from two tables side by side ("TM_TICKETS / APP_SESSIONS", each column from either, as
     * a union would read them), which the view reads one of: its rows are not the mapping's; why, or null.
     */
    private String unionNotMade(List<MappingRow> rows) {
        for (MappingRow r : rows) {
            // (the columns paired as well, "TICKET_NO / SESSION_REF": a lookup's table beside the row's reads one column)
            if (r.sourceTable() != null && SIDE_BY_SIDE.matcher(r.sourceTable()).matches() && r.rawSource() != null
                    && SIDE_BY_SIDE.matcher(r.rawSource()).matches()) {
                return "its rows come from " + r.sourceTable().strip() + " together (" + r.ref()
                        + "), which the view does not union: it reads one of them";
            }
        }
        return null;
    }

    /** A rule that makes its column a grouping key: "Group by", "grouped by", "part of the grain". */
    private static final java.util.regex.Pattern GROUPING_RULE = java.util.regex.Pattern.compile(
            "(?i)^\\s*(?:group(?:ed|ing)?\\s+(?:by|key|column)\\b|part\\s+of\\s+the\\s+(?:grain|group(?:ing)?\\s+key))");

    /**
     * Why the target's rows are not the ones the mapping asks for, or null: a filter it could not apply, or, for a
     * grouped target, a key column (part of its grain) that is flagged, so the rows are grouped at a coarser grain.
     */
    private static String rowsUnknown(List<String> whereTodos, List<Compiled> columns, List<String> keyColumns, boolean grouped) {
        if (!whereTodos.isEmpty()) {
            return "its filter is not applied, so its rows are not the ones the mapping asks for ("
                    + whereTodos.get(0).replaceFirst("^TODO filter \\S+ not applied: ", "") + ")";
        }
        if (grouped) {
            for (Compiled c : columns) {
                if (c.flagged() && keyColumns.contains(c.name())) {
                    return "its key column " + c.name() + " is flagged, so its rows are not at the grain the mapping states";
                }
            }
        }
        return null;
    }
}
