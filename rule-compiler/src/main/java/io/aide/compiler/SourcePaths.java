package io.aide.compiler;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Join paths written with arrows in the source cells. In a source column cell, {@code orders.user_id ->
 * customers.id -> customers.name} reads customers.name through the join orders.user_id = customers.id; in a source
 * table cell, {@code orders -> customers} reads the row's columns from customers, joined to orders through the
 * registered keys. The path becomes the row's join text and the last step its source, so the join graph reads it
 * like any written join.
 */
final class SourcePaths {
    private static final Pattern ARROW = Pattern.compile("\\s*(?:->|→|=>)\\s*");

    private SourcePaths() {
    }

    static boolean hasPath(String cell) {
        return cell != null && ARROW.matcher(cell).find();
    }

    /** The rows with their arrow paths turned into join text and plain sources; rows without arrows are returned as they are. */
    static List<MappingRow> expand(List<MappingRow> rows) {
        if (rows.stream().noneMatch(SourcePaths::hasArrow)) {
            return rows;
        }
        return rows.stream().map(r -> hasArrow(r) ? expand(r) : r).toList();
    }

    private static boolean hasArrow(MappingRow r) {
        return hasPath(r.sourceTable()) || r.sourceColumns().stream().anyMatch(s -> hasPath(s.column()) || hasPath(s.table()));
    }

    private static MappingRow expand(MappingRow r) {
        List<String> joins = new ArrayList<>();
        String table = r.sourceTable();
        if (hasPath(table)) {
            List<String> steps = List.of(ARROW.split(table.trim()));
            joins.add(String.join(" -> ", steps));
            table = steps.get(steps.size() - 1);
        }
        List<SourceRef> sources = new ArrayList<>();
        for (SourceRef s : r.sourceColumns()) {
            String ownTable = s.table() == null || s.table().equals(r.sourceTable()) ? table
                    : hasPath(s.table()) ? last(s.table()) : s.table();
            if (!hasPath(s.column())) {
                sources.add(new SourceRef(s.system(), ownTable, s.column()));
                continue;
            }
            String[] steps = ARROW.split(s.column().trim());
            String previousTable = null;
            String previousColumn = null;
            for (int i = 0; i < steps.length; i++) {
                String[] step = step(steps, i, ownTable, previousTable);
                if (i == steps.length - 1) {
                    sources.add(new SourceRef(s.system(), step[0], step[1]));
                }
                if (previousTable != null && step[0] != null && !step[0].equalsIgnoreCase(previousTable)) {
                    // a pair of columns is a join condition; a step to a table without its join column goes through the keys
                    joins.add(previousColumn != null && step[1] != null && i < steps.length - 1
                            ? previousTable + "." + previousColumn + " = " + step[0] + "." + step[1]
                            : previousTable + " -> " + step[0]);
                }
                previousTable = step[0];
                previousColumn = step[1];
            }
        }
        String join = r.join() == null || r.join().isBlank() ? String.join("; ", joins)
                : joins.isEmpty() ? r.join() : r.join().trim() + "; " + String.join("; ", joins);
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), table, sources, r.rawSource(), r.transformation(), join, r.filter(), r.key(), r.nullable(),
                r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
    }

    /**
     * One step of a path as {table, column}: "customers.id" is both; a bare last step is a column of the step before;
     * a bare first step followed by "table.column" is a column of the row's table; any other bare step is a table.
     */
    private static String[] step(String[] steps, int i, String ownTable, String previousTable) {
        String step = steps[i].trim();
        int dot = step.lastIndexOf('.');
        if (dot > 0) {
            return new String[]{step.substring(0, dot).trim(), step.substring(dot + 1).trim()};
        }
        if (i == steps.length - 1) {
            return new String[]{previousTable != null ? previousTable : ownTable, step};
        }
        if (i == 0 && steps[1].contains(".")) {
            return new String[]{ownTable, step};
        }
        return new String[]{step, null};
    }

    private static String last(String path) {
        String[] steps = ARROW.split(path.trim());
        return steps[steps.length - 1];
    }
}
