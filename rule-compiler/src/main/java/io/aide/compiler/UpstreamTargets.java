package io.aide.compiler;

import io.aide.compiler.plan.LayerPlan;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Targets that read other targets of the same mapping: an aggregate whose source table is the fact above it, a fact
 * that takes a dimension's surrogate key. Such a target reads the other target's view, so the layer defines views in an
 * order where each comes after the views it reads; the view it reads is registered as a table whose columns are that
 * target's columns (with their target types), and a column that is flagged there is no column to read.
 * <p>
 * A name the registered schema has is a source table, never a target (a staging copy may share a target's name);
 * targets that read each other in a cycle keep the mapping's order and read nothing from each other.
 */
final class UpstreamTargets {
    private final MappingSpec spec;
    private final SchemaCatalog catalog;
    /** target (lower case) -> the targets it reads (lower case), acyclic. */
    private final Map<String, Set<String>> reads = new LinkedHashMap<>();
    /** target (lower case) -> the name the mapping writes. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, LayerPlan> plans = new HashMap<>();

    UpstreamTargets(MappingSpec spec, SchemaCatalog catalog) {
        this.spec = spec;
        this.catalog = catalog;
        spec.rowsByTarget().forEach((t, rows) -> {
            // a target whose own rows read a source table of its name ("customers" from "customers") leaves that
            // name to the source
            if (!sourceNamedLike(t, rows)) {
                names.put(key(t), t);
            }
        });
        spec.rowsByTarget().forEach((target, rows) -> reads.put(key(target), namedTargets(target, rows)));
        breakCycles();
        // targets a rule or a join cell names ("Look up DIM_MEMBER.MEMBER_KEY on ..."): read where that makes no cycle
        spec.rowsByTarget().forEach((target, rows) -> {
            for (String named : namedInText(target, rows)) {
                if (!reaches(named, key(target), new HashSet<>())) {
                    reads.get(key(target)).add(named);
                }
            }
        });
    }

    /**
     * A source table shares the target's name: some row of the target reads, from a table of that name, its own column
     * ("customers.email" for customers.email) or a column the target does not have. Then the name means the source
     * (`dim_account.customer_age` for age_band, a column of the target, is no such evidence).
     */
    static boolean sourceNamedLike(String target, List<MappingRow> rows) {
        String k = key(target);
        Set<String> columns = new HashSet<>();
        rows.stream().filter(r -> r.targetColumn() != null).forEach(r -> columns.add(key(r.targetColumn())));
        for (MappingRow r : rows) {
            for (SourceRef c : r.sourceColumns()) {
                String table = c.table() != null && !c.table().isBlank() ? c.table() : r.sourceTable();
                if (table == null || !key(table).equals(k) || c.column() == null || c.column().isBlank()) {
                    continue;
                }
                String col = key(c.column());
                if (!columns.contains(col) || r.targetColumn() != null && col.equals(key(r.targetColumn()))) {
                    return true;
                }
            }
            if (r.sourceColumns().isEmpty() && r.sourceTable() != null && key(r.sourceTable()).equals(k)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+");

    /** The other targets a rule or a join cell of the target names ("DIM_MEMBER.MEMBER_KEY"), in the mapping's order. */
    private Set<String> namedInText(String target, List<MappingRow> rows) {
        Set<String> out = new LinkedHashSet<>();
        for (MappingRow r : rows) {
            for (String text : new String[]{r.transformation(), r.join(), r.filter(), r.description()}) {
                java.util.regex.Matcher w = text == null ? null : NAME.matcher(text);
                while (w != null && w.find()) {
                    if (isOtherTarget(w.group(), target)) {
                        out.add(key(w.group()));
                    }
                }
            }
        }
        return out;
    }

    private Set<String> namedTargets(String target, List<MappingRow> rows) {
        Set<String> out = new LinkedHashSet<>();
        for (MappingRow r : rows) {
            List<String> named = new ArrayList<>();
            if (r.sourceTable() != null) {
                // "fact_goods_receipt", "receipts / po_lines", "dim_account, fx_rates"
                named.addAll(List.of(r.sourceTable().split("\\s*[,/;&]\\s*")));
            }
            r.sourceColumns().stream().map(SourceRef::table).forEach(named::add);
            for (String n : named) {
                if (n != null && isOtherTarget(n, target)) {
                    out.add(key(n));
                }
            }
        }
        return out;
    }

    /** The name is another target of the mapping, not a table the registered schema has. */
    private boolean isOtherTarget(String name, String target) {
        String k = key(name);
        return !k.equals(key(target)) && names.containsKey(k) && (catalog == null || catalog.table(name.trim()).isEmpty());
    }

    /** A target on a cycle reads none of the targets of its cycle: the mapping's order stands for those. */
    private void breakCycles() {
        // the edges on a cycle are found first and then removed, so that no target of the cycle keeps reading another
        Map<String, Set<String>> onCycle = new HashMap<>();
        reads.forEach((t, upstream) -> upstream.stream().filter(u -> reaches(u, t, new HashSet<>()))
                .forEach(u -> onCycle.computeIfAbsent(t, k -> new HashSet<>()).add(u)));
        onCycle.forEach((t, cyclic) -> reads.get(t).removeAll(cyclic));
    }

    private boolean reaches(String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return reads.getOrDefault(from, Set.of()).stream().anyMatch(n -> reaches(n, to, seen));
    }

    /** The targets in the mapping's order, except that each comes after the targets it reads. */
    List<String> order(Collection<String> targets) {
        List<String> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String t : targets) {
            place(t, targets, out, placed);
        }
        return out;
    }

    private void place(String target, Collection<String> targets, List<String> out, Set<String> placed) {
        if (!placed.add(key(target))) {
            return;
        }
        for (String upstream : reads.getOrDefault(key(target), Set.of())) {
            targets.stream().filter(t -> key(t).equals(upstream)).findFirst().ifPresent(t -> place(t, targets, out, placed));
        }
        out.add(target);
    }

    /** Records the plan of a target, for the targets that read it. */
    void planned(String target, LayerPlan plan) {
        plans.put(key(target), plan);
    }

    /** The columns of each target this one reads (lower-case name -> columns), planned on demand. */
    Map<String, List<LayerPlan.ColumnInfo>> columnsReadBy(String target) {
        Map<String, List<LayerPlan.ColumnInfo>> out = new LinkedHashMap<>();
        for (String upstream : reads.getOrDefault(key(target), Set.of())) {
            LayerPlan plan = plans.get(upstream);
            if (plan == null) {
                plan = planAlone(names.get(upstream));
                plans.put(upstream, plan);
            }
            out.put(upstream, plan.columns());
        }
        return out;
    }

    /**
     * A target this compile does not emit, planned for the columns it gives the targets that read it; one the planner
     * cannot handle gives no column to read.
     */
    private LayerPlan planAlone(String target) {
        Map<String, List<LayerPlan.ColumnInfo>> upstream = columnsReadBy(target);
        try {
            return LayerPlanner.planTarget(spec, catalogFor(target, upstream), target, spec.rowsByTarget().get(target),
                    new ArrayList<>(), upstream);
        } catch (RuntimeException e) {
            return new LayerPlan(target, List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /** The registered schema with the views this target reads added as tables; unchanged without a schema. */
    SchemaCatalog catalogFor(String target, Map<String, List<LayerPlan.ColumnInfo>> upstream) {
        if (catalog == null || catalog.tables().isEmpty() || upstream.isEmpty()) {
            return catalog;
        }
        List<SchemaCatalog.Table> tables = new ArrayList<>(catalog.tables());
        upstream.forEach((name, columns) -> tables.add(new SchemaCatalog.Table(null, names.get(name), columns.stream()
                .map(c -> new SchemaCatalog.Column(c.name(), c.type().known() ? c.type().display() : null)).toList(),
                List.of(), List.of())));
        return new SchemaCatalog(tables);
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
