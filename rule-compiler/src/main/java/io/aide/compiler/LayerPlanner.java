package io.aide.compiler;

import io.aide.compiler.ColumnBinder.Compiled;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.ReferenceData;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.aide.compiler.SourceTables.safeName;

/**
 * Plans one target: resolves its source tables ({@link SourceTables}), reads its joins ({@link JoinGraph}), compiles
 * its columns ({@link ColumnBinder}, typed by {@link TypeCoercion}) and assembles FROM/JOIN, CTEs, WHERE and GROUP BY
 * ({@link PlanAssembler}); several source systems feeding one target become UNION ALL branches.
 */
final class LayerPlanner {
    private final String target;
    private final List<MappingRow> rows;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final SourceTables tables;
    private final JoinGraph graph;
    private final TypeCoercion types;
    private final ColumnBinder binder;
    private String ctePrefix = "";
    private final DocumentConventions conventions;
    private final RowClasses kinds;
    private List<String> grain = List.of();
    private Map<String, String> writtenRules = Map.of();

    /** Plans a target; several source systems feeding one target become UNION ALL branches. */
    static LayerPlan planTarget(MappingSpec spec, SchemaCatalog catalog, String target, List<MappingRow> writtenRows,
                                List<Diagnostic> diagnostics) {
        return planTarget(spec, catalog, target, writtenRows, diagnostics, Map.of());
    }

    /**
     * @param upstream the columns of the other targets this one reads (lower-case target name -> columns), whose views
     *                 the layer defines before this one
     */
    static LayerPlan planTarget(MappingSpec spec, SchemaCatalog catalog, String target, List<MappingRow> writtenRows,
                                List<Diagnostic> diagnostics, Map<String, List<LayerPlan.ColumnInfo>> upstream) {
        List<MappingRow> mappingRows = NoteFilters.expand(NoteFilters.fromRules(TargetNotes.added(spec, target,
                FillerDefaults.quoted(spec, KeyMarkers.stripped(writtenRows)))));
        boolean distinct = DistinctRows.asked(mappingRows) || DistinctRows.dedupes(mappingRows);
        List<String> grain = StatedGrain.of(mappingRows);
        List<MappingRow> stated = StatedGrain.withoutRowsOfTable(grain.isEmpty() ? mappingRows : StatedGrain.withoutGrainWords(mappingRows));
        List<MappingRow> rows = DistinctRows.withoutDedupeWords(FilterReferences.expand(spec,
                PairedSources.expand(SourcePaths.expand(distinct ? DistinctRows.withoutDistinctWords(stated) : stated))));
        List<String> systems = rows.stream().map(MappingRow::sourceSystem).filter(s -> s != null && !s.isBlank())
                .map(String::trim).distinct().toList();
        if (systems.size() < 2 || !mappedTwice(rows)) {
            // one system, or each column from one place ("DW" beside "ADS_API" for a lookup of another target): no union
            LayerPlanner p = new LayerPlanner(spec, catalog, target, rows, upstream);
            p.grain = grain;
            p.writtenRules = writtenRules(mappingRows);
            LayerPlan plan = p.plan();
            diagnostics.addAll(p.diagnostics());
            return mergedRowsFlagged(plan.withDistinct(distinct), diagnostics);
        }
        List<LayerPlan> parts = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            String system = systems.get(i);
            List<MappingRow> branchRows = rows.stream().filter(r -> r.sourceSystem() == null || r.sourceSystem().isBlank()
                    || r.sourceSystem().trim().equals(system)).toList();
            LayerPlanner p = new LayerPlanner(spec, catalog, target, branchRows, upstream);
            p.ctePrefix = i == 0 ? "" : safeName(system) + "_";
            p.grain = grain;
            p.writtenRules = writtenRules(mappingRows);
            parts.add(p.plan());
            diagnostics.addAll(p.diagnostics());
        }
        return mergedRowsFlagged(union(target, systems, parts, rows).withDistinct(distinct), diagnostics);
    }

    /**
     * A target whose rows are made distinct, some of whose columns are flagged and none of whose keys is compiled: rows
     * that differ only in those columns are made one, so no value is over the mapping's rows; each compiled column says
     * why (the plan as it is otherwise).
     */
    private static LayerPlan mergedRowsFlagged(LayerPlan plan, List<Diagnostic> diagnostics) {
        java.util.Optional<LayerPlan.ColumnInfo> flagged = plan.columns().stream().filter(c -> "flagged".equals(c.status())).findFirst();
        if (!plan.distinct() || flagged.isEmpty() || plan.columns().stream().noneMatch(c -> "compiled".equals(c.status()))
                // a compiled key tells the rows apart: only copies of one key are made one, as asked
                || plan.columns().stream().anyMatch(c -> "compiled".equals(c.status()) && (c.key() || plan.keyColumns().stream()
                .anyMatch(k -> k.equalsIgnoreCase(c.name())) || copiesAnIdentifier(plan, c.name())))) {
            return plan;
        }
        String why = "its rows are made distinct over its columns, and " + flagged.get().name() + " is flagged, so rows that differ "
                + "only there are made one";
        diagnostics.add(new Diagnostic(Diagnostic.WARNING, "target_rows_not_as_mapped", "target " + plan.target() + ": " + why, null, null));
        List<LayerPlan.ColumnInfo> columns = plan.columns().stream().map(i -> "compiled".equals(i.status())
                ? new LayerPlan.ColumnInfo(i.name(), i.type(), i.mappingRef(), "flagged", why, i.sources(), i.key(), i.nullable(),
                i.acceptedValues(), i.lookupTable(), i.rule()) : i).toList();
        return new LayerPlan(plan.target(), plan.ctes(), plan.branches(), columns, plan.sourceTables(), plan.keyColumns(), true);
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile(
            "(?i).*(?:_id|_no|_nbr|_num|_number|_key|_ref)$");

    /** The column copies (perhaps trimmed, cased or cast) a source column that identifies a row: ORDER_ID from TRIM(ORD_ID). */
    private static boolean copiesAnIdentifier(LayerPlan plan, String column) {
        if (!IDENTIFIER.matcher(column).matches()) {
            return false;
        }
        for (LayerPlan.Branch b : plan.branches()) {
            for (LayerPlan.Item i : b.items()) {
                Expr e = i.name().equalsIgnoreCase(column) ? i.expr() : null;
                while (e instanceof Expr.Cast c || e instanceof Expr.Fn f && f.args().size() <= 2
                        && java.util.Set.of("TRIM", "UPPER", "LOWER", "NULLIF").contains(f.name())) {
                    e = e instanceof Expr.Cast c ? c.expr() : ((Expr.Fn) e).args().get(0);
                }
                if (e instanceof Expr.Col) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Some target column is mapped by rows of two source systems: the target is a union of their rows. */
    private static boolean mappedTwice(List<MappingRow> rows) {
        Map<String, java.util.Set<String>> systemsByColumn = new java.util.HashMap<>();
        for (MappingRow r : rows) {
            if (r.targetColumn() != null && r.sourceSystem() != null && !r.sourceSystem().isBlank()) {
                systemsByColumn.computeIfAbsent(r.targetColumn().trim().toLowerCase(java.util.Locale.ROOT), k -> new java.util.HashSet<>())
                        .add(r.sourceSystem().trim());
            }
        }
        return systemsByColumn.values().stream().anyMatch(s -> s.size() > 1);
    }

    private static LayerPlan union(String target, List<String> systems, List<LayerPlan> parts, List<MappingRow> rows) {
        List<String> names = new ArrayList<>();
        Map<String, LayerPlan.ColumnInfo> infos = new LinkedHashMap<>();
        for (MappingRow r : rows) {
            if (r.targetColumn() != null && !r.targetColumn().isBlank()
                    && names.stream().noneMatch(n -> n.equalsIgnoreCase(r.targetColumn().trim()))) {
                names.add(r.targetColumn().trim());
            }
        }
        List<LayerPlan.Cte> ctes = new ArrayList<>();
        List<LayerPlan.Branch> branches = new ArrayList<>();
        List<String> sourceTables = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            LayerPlan part = parts.get(i);
            for (LayerPlan.Cte c : part.ctes()) {
                if (ctes.stream().noneMatch(x -> x.name().equals(c.name()))) {
                    ctes.add(c);
                }
            }
            LayerPlan.Branch b = part.branches().get(0);
            List<LayerPlan.Item> items = new ArrayList<>();
            for (String n : names) {
                LayerPlan.Item item = b.items().stream().filter(it -> it.name().equalsIgnoreCase(n)).findFirst().orElse(null);
                LayerPlan.ColumnInfo info = part.columns().stream().filter(c -> c.name().equalsIgnoreCase(n)).findFirst().orElse(null);
                if (item == null) {
                    SqlType t = infos.containsKey(n) ? infos.get(n).type() : SqlType.VARCHAR;
                    items.add(new LayerPlan.Item(n, new Expr.TypedNull(t.known() ? t : SqlType.VARCHAR), null,
                            "not mapped from source system " + systems.get(i)));
                } else {
                    items.add(item);
                }
                if (info != null) {
                    LayerPlan.ColumnInfo prev = infos.get(n);
                    if (prev == null || "flagged".equals(info.status())) {
                        List<String> lineage = new ArrayList<>(prev == null ? List.of() : prev.sources());
                        info.sources().stream().filter(x -> !lineage.contains(x)).forEach(lineage::add);
                        infos.put(n, new LayerPlan.ColumnInfo(info.name(), info.type(), info.mappingRef(), info.status(),
                                info.reason(), lineage, info.key(), info.nullable(), info.acceptedValues(), info.lookupTable(), info.rule()));
                    } else {
                        List<String> lineage = new ArrayList<>(prev.sources());
                        info.sources().stream().filter(x -> !lineage.contains(x)).forEach(lineage::add);
                        infos.put(n, new LayerPlan.ColumnInfo(prev.name(), prev.type(), prev.mappingRef() + " " + info.mappingRef(),
                                prev.status(), prev.reason(), lineage, prev.key(), prev.nullable(), prev.acceptedValues(),
                                prev.lookupTable(), prev.rule()));
                    }
                }
            }
            branches.add(new LayerPlan.Branch(b.from(), b.joins(), items, b.where(), b.whereTodos(), b.groupBy(),
                    b.mappingRefs(), b.whereRefs()));
            part.sourceTables().stream().filter(t -> !sourceTables.contains(t)).forEach(sourceTables::add);
            part.keyColumns().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return new LayerPlan(target, ctes, branches, names.stream().map(infos::get).filter(java.util.Objects::nonNull).toList(),
                sourceTables, keys);
    }

    LayerPlanner(MappingSpec spec, SchemaCatalog catalog, String target, List<MappingRow> rows,
                 Map<String, List<LayerPlan.ColumnInfo>> upstream) {
        this.target = target;
        this.rows = rows;
        this.conventions = DocumentConventions.of(spec);
        this.kinds = RowClasses.of(spec);
        Map<Expr.Lit, String> unitHints = new IdentityHashMap<>();
        this.tables = new SourceTables(spec, catalog, target, diagnostics);
        this.graph = new JoinGraph(tables, diagnostics);
        this.types = new TypeCoercion(tables, unitHints);
        this.binder = new ColumnBinder(new ReferenceData(spec.referenceTables()), target, rows, tables, types, unitHints,
                diagnostics, StatedLayouts.of(spec), upstream, conventions.blankIsNull());
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    LayerPlan plan() {
        // tables the rows name first, then columns written without a table that one registered table has, then the
        // rest: a column several tables have binds to the one the target already reads
        for (int pass = 0; pass < 3; pass++) {
            for (MappingRow r : rows) {
                int rowPass = namesTable(r) ? 0 : r.sourceColumns().stream().allMatch(s -> tables.resolvesAlone(r, s)) ? 1 : 2;
                if (rowPass != pass) {
                    continue;
                }
                for (SourceRef s : r.sourceColumns()) {
                    if (!tables.ownTarget(r, s)) {
                        tables.tableOf(r, s);
                    }
                }
                if (r.sourceColumns().isEmpty() && r.sourceTable() != null && !r.sourceTable().isBlank()
                        && !r.sourceTable().trim().equalsIgnoreCase(target)) {
                    tables.tableFor(r.sourceSystem(), r.sourceTable(), List.of());
                }
            }
        }
        graph.read(rows);
        List<Compiled> columns = new ArrayList<>();
        for (String key : binder.columnKeys()) {
            columns.add(binder.compileColumn(key));
        }
        return new PlanAssembler(target, rows, tables, graph, types, binder, diagnostics, ctePrefix, grain,
                writtenRules, conventions, kinds).assemble(columns);
    }

    private static Map<String, String> writtenRules(List<MappingRow> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        rows.stream().filter(r -> r.transformation() != null).forEach(r -> out.putIfAbsent(r.ref(), r.transformation()));
        return out;
    }

    private static boolean namesTable(MappingRow r) {
        return r.sourceTable() != null && !r.sourceTable().isBlank()
                || r.sourceColumns().stream().anyMatch(s -> s.table() != null && !s.table().isBlank());
    }
}
