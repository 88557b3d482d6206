package io.aide.compiler;

import io.aide.compiler.ColumnBinder.Compiled;
import io.aide.compiler.ColumnBinder.Lookup;
import io.aide.compiler.JoinGraph.Edge;
import io.aide.compiler.SourceTables.Table;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static io.aide.compiler.JoinGraph.leftText;
import static io.aide.compiler.SourceTables.qualifiedName;
import static io.aide.compiler.SourceTables.safeName;
import static io.aide.compiler.TypeCoercion.textual;

/**
 * Assembles the plan of one target branch from its compiled columns: the base relation, the joins each column
 * needs along the join graph, aggregates of child rows in their own CTEs, reference lookups, GROUP BY, WHERE from
 * the rows' filters, and the columns' lineage.
 */
final class PlanAssembler {
    private final String target;
    private final List<MappingRow> rows;
    private final SourceTables tables;
    private final JoinGraph graph;
    private final TypeCoercion types;
    private final ColumnBinder binder;
    private final List<Diagnostic> diagnostics;
    private final String ctePrefix;
    /** The grain the mapping states (lower-case names), empty when it states none. */
    private final List<String> grain;
    /** Reads the target's filters and picks. */
    private final RowChoices choices;
    /** The rules as the mapping writes them, by row (planning takes "distinct" and "group by" words out of them). */
    private final Map<String, String> writtenRules;
    /** How the document says codes compare (its cover sheet's "code comparisons are case-insensitive"). */
    private final DocumentConventions conventions;

    PlanAssembler(String target, List<MappingRow> rows, SourceTables tables, JoinGraph graph, TypeCoercion types,
                  ColumnBinder binder, List<Diagnostic> diagnostics, String ctePrefix, List<String> grain,
                  Map<String, String> writtenRules, DocumentConventions conventions, RowClasses kinds) {
        this.target = target;
        this.conventions = conventions;
        this.rows = rows;
        this.tables = tables;
        this.graph = graph;
        this.types = types;
        this.binder = binder;
        this.diagnostics = diagnostics;
        this.ctePrefix = ctePrefix;
        this.grain = grain;
        this.choices = new RowChoices(target, tables, types, binder, grain, kinds);
        this.writtenRules = writtenRules;
    }

    LayerPlan assemble(List<Compiled> columns) {
        List<LayerPlan.Cte> ctes = new ArrayList<>();
        List<LayerPlan.ColumnInfo> infos = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        for (Compiled c : columns) {
            if (c.rows().stream().anyMatch(MappingRow::key)) {
                keyColumns.add(c.name());
            }
        }

        // base relation: the key column's table, else the most used table among row-level columns
        Map<String, Integer> use = new LinkedHashMap<>();
        String base = null;
        for (Compiled c : columns) {
            if (c.flagged() || c.expr() == null || Expr.hasAggregate(c.expr())) {
                continue;
            }
            for (Expr.Col col : Expr.columns(c.expr())) {
                if (tables.isSourceAlias(col.relation())) {
                    use.merge(col.relation(), 1, Integer::sum);
                    if (base == null && keyColumns.contains(c.name())) {
                        base = col.relation();
                    }
                }
            }
        }
        String measured = measuredTable(columns);
        if (measured != null) {
            base = measured;
        }
        if (base == null) {
            base = use.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
        if (base == null) {
            for (Compiled c : columns) {
                if (c.expr() != null) {
                    for (Expr.Col col : Expr.columns(c.expr())) {
                        if (tables.isSourceAlias(col.relation())) {
                            base = col.relation();
                            break;
                        }
                    }
                }
                if (base != null) {
                    break;
                }
            }
        }
        // a target that names no source table and whose columns read no column is a static row of constants
        boolean staticRow = base == null && tables.isEmpty() && columns.stream().noneMatch(c -> c.expr() != null
                && !Expr.columns(c.expr()).isEmpty()) && rows.stream().allMatch(r -> r.filter() == null || r.filter().isBlank());
        if (base == null && !staticRow) {
            base = tables.isEmpty() ? tables.tableFor(null, null, List.of()).alias() : tables.all().iterator().next().alias();
        }
        String baseAlias = base;
        Table baseTable = staticRow ? null : tables.all().stream().filter(t -> t.alias().equals(baseAlias)).findFirst().orElseThrow();

        boolean grouped = false;
        Map<String, LayerPlan.Join> joins = new LinkedHashMap<>();
        Map<String, AggBuilder> aggCtes = new LinkedHashMap<>();
        List<LayerPlan.Item> items = new ArrayList<>();
        List<Compiled> finalColumns = new ArrayList<>();
        Map<String, Expr> finalExprs = new LinkedHashMap<>();
        Map<String, String> reasons = new HashMap<>();
        // a code column another rule of the target cleans before comparing it ("Decode the status code (trimmed,
        // case-insensitive): A = Active, ...") is compared cleaned by every rule ("True when the status code is A or L")
        Map<Expr.Col, Expr> ruleCleaning = CodeCleaning.of(columns.stream().filter(c -> !c.flagged()).map(Compiled::expr).toList());

        for (Compiled c : columns) {
            if (c.flagged()) {
                reasons.put(c.name(), c.outcome().flagReason());
                finalColumns.add(c);
                continue;
            }
            Expr expr = c.expr();
            Set<String> relations = Expr.columns(expr).stream().map(Expr.Col::relation).filter(tables::isSourceAlias)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            boolean agg = Expr.hasAggregate(expr);
            if (agg && relations.isEmpty()) {
                // "Number of lines" in a row whose source table is FACT_TREATMENT: that table's rows are counted, never
                // the target's own
                for (MappingRow r : c.rows()) {
                    String own = r.sourceTable() == null ? null : r.sourceTable().trim();
                    tables.all().stream().filter(t -> own != null && t.name().equalsIgnoreCase(own) && !t.alias().equals(baseAlias)
                            && tables.isSourceAlias(t.alias())).findFirst().ifPresent(t -> relations.add(t.alias()));
                }
            }
            String problem = null;
            if (agg && measured == null && !(relations.isEmpty() || (relations.size() == 1 && relations.contains(baseAlias)))) {
                // child rows aggregated in their own CTE, joined on the parent's key: no fan-out
                Set<String> others = new LinkedHashSet<>(relations);
                others.remove(baseAlias);
                String child = others.iterator().next();
                List<Edge> p = graph.path(child, baseAlias);
                if (p == null) {
                    problem = "no join from " + child + " to " + baseAlias + " is given";
                } else if (relations.stream().anyMatch(r -> !r.equals(baseAlias) && !r.equals(child)
                        && p.stream().noneMatch(e -> e.rightAlias().equalsIgnoreCase(r)))) {
                    problem = "the aggregation reads tables that are not on one join path";
                } else {
                    Edge last = p.get(p.size() - 1);
                    String cteName = ctePrefix + "agg_" + safeName(child) + "_by_" + safeName(last.leftAlias() + "_" + last.leftColumn());
                    AggBuilder b = aggCtes.computeIfAbsent(cteName, n -> new AggBuilder(n, child, p));
                    String itemName = c.name();
                    Expr inner = expr instanceof Expr.Cast cast ? cast.expr() : expr;
                    b.items.add(new LayerPlan.Item(itemName, inner, c.ref(), null));
                    b.refs.add(c.ref());
                    Expr outer = new Expr.Col(cteName, itemName);
                    // aggregates of child rows keep the parents without children (their aggregate is NULL)
                    joins.putIfAbsent(cteName, new LayerPlan.Join("LEFT JOIN",
                            new LayerPlan.Relation(null, cteName, cteName, true),
                            new Expr.Bin("=", new Expr.Col(cteName, "__key"), last.key(baseAlias, last.rightColumn())),
                            new ArrayList<>()));
                    joins.get(cteName).mappingRefs().add(c.ref());
                    expr = expr instanceof Expr.Cast cast ? new Expr.Cast(outer, cast.type(), cast.safe()) : outer;
                }
            } else {
                if (agg) {
                    grouped = true;
                }
                for (String rel : relations) {
                    if (rel.equals(baseAlias)) {
                        continue;
                    }
                    List<Edge> p = graph.path(baseAlias, rel);
                    if (p == null) {
                        problem = "no join from " + baseAlias + " to " + rel + " is given";
                        break;
                    }
                    for (Edge e : p) {
                        String key = e.rightAlias().toLowerCase(Locale.ROOT);
                        if (!joins.containsKey(key)) {
                            Table t = tables.all().stream().filter(x -> x.alias().equalsIgnoreCase(e.rightAlias())).findFirst().orElseThrow();
                            boolean left = e.left() || c.outcome().leftJoinHint() || c.rows().stream()
                                    .anyMatch(r -> leftText(String.valueOf(r.nullHandling()).toLowerCase(Locale.ROOT)));
                            joins.put(key, new LayerPlan.Join(left ? "LEFT JOIN" : "JOIN",
                                    new LayerPlan.Relation(t.schema(), t.name(), t.alias(), false),
                                    e.on(),
                                    new ArrayList<>(e.ref() == null ? List.of() : List.of(e.ref()))));
                        }
                        joins.get(key).mappingRefs().add(c.ref());
                    }
                }
            }
            if (problem != null) {
                reasons.put(c.name(), problem);
                diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_path_missing", target + "." + c.name() + ": " + problem,
                        null, c.ref()));
                finalColumns.add(c);
                continue;
            }
            // "Cast to integer. Blank or 0 → 1": values named beside a missing one are values of the cast, compared so
            Expr inner = expr instanceof Expr.Cast cast && c.outcome().alsoFor().isEmpty() ? cast.expr() : expr;
            if (inner != expr && ((Expr.Cast) expr).safe() && c.outcome().defaultValue() instanceof Expr.Lit l
                    && !(l.value() instanceof String) && textual(types.infer(inner))) {
                // "Convert to a whole number", default 0, over text holding '  ' or 'n/a': the cast gives NULL for
                // them, and the default is for every row without a value, so it comes after the cast
                inner = expr;
            }
            boolean text = textual(types.infer(inner));
            io.aide.compiler.rules.RuleOutcome outcome = c.outcome();
            if (outcome.alsoFor().stream().anyMatch(v -> v instanceof Expr.Lit l && l.value() instanceof String)
                    && c.type().known() && !textual(c.type())) {
                // "blank or 'NULL' -> NULL" on a date or a number: what such a text converts to is NULL already (a number
                // named beside it, "blank or 0 -> 1", is compared still)
                outcome = new io.aide.compiler.rules.RuleOutcome(outcome.expr(), outcome.defaultValue(), outcome.flagReason(),
                        outcome.acceptedValues(), outcome.lookupTable(), outcome.leftJoinHint(), outcome.notes(),
                        outcome.blankToo(), outcome.alsoFor().stream().filter(v -> !(v instanceof Expr.Lit l
                        && l.value() instanceof String)).toList());
            }
            if (Fallbacks.changes(outcome, text)) {
                Expr dv = outcome.defaultValue();
                if (expr instanceof Expr.Cast && text && dv instanceof Expr.Lit l && !(l.value() instanceof String)) {
                    // text still to be cast: COALESCE cannot mix it with a number, so the default is written as text too
                    dv = new Expr.Lit(l.value() instanceof java.math.BigDecimal bd ? bd.toPlainString() : String.valueOf(l.value()));
                }
                Expr withDefault = Fallbacks.applied(inner, dv, outcome, text);
                expr = expr instanceof Expr.Cast cast && inner != expr ? new Expr.Cast(withDefault, cast.type(), cast.safe()) : withDefault;
            }
            finalExprs.put(c.name(), conventions.applied(CodeCleaning.apply(expr, ruleCleaning), x -> textual(types.infer(x))));
            finalColumns.add(c);
        }

        // lookups of reference tables: a CTE of their rows and a LEFT JOIN each
        Set<String> valueCtes = new LinkedHashSet<>();
        for (Lookup l : binder.lookups()) {
            if (finalExprs.values().stream().noneMatch(e -> Expr.columns(e).stream().anyMatch(c -> l.alias().equals(c.relation())))) {
                continue;
            }
            if (valueCtes.add(l.cteName())) {
                List<List<String>> valueRows = new ArrayList<>();
                l.map().entries().forEach((k, v) -> valueRows.add(List.of(k, v == null ? "" : v)));
                ctes.add(new LayerPlan.ValuesCte(l.cteName(), List.of("key", "value"), valueRows, new ArrayList<>(List.of(l.mappingRef())), l.map().origin()));
            }
            joins.put(l.alias(), new LayerPlan.Join("LEFT JOIN", new LayerPlan.Relation(null, l.cteName(), l.alias(), true),
                    new Expr.Bin("=", new Expr.Col(l.alias(), "key"), l.key()), new ArrayList<>(List.of(l.mappingRef()))));
            if (l.wildcardKey() != null) {
                joins.put(l.wildcardAlias(), new LayerPlan.Join("LEFT JOIN", new LayerPlan.Relation(null, l.cteName(), l.wildcardAlias(), true),
                        new Expr.Bin("=", new Expr.Col(l.wildcardAlias(), "key"), l.wildcardKey()), new ArrayList<>(List.of(l.mappingRef()))));
            }
        }
        for (AggBuilder b : aggCtes.values()) {
            ctes.add(b.build());
        }

        List<Expr> groupBy = new ArrayList<>();
        if (!grain.isEmpty() && (grouped || measuresFlagged(finalColumns))) {
            honourGrain(finalColumns, finalExprs, reasons, groupBy, keyColumns, grouped);
            grouped = grouped || !groupBy.isEmpty();
        }
        for (Compiled c : finalColumns) {
            Expr e = finalExprs.get(c.name());
            String reason = reasons.get(c.name());
            String rule = c.rows().stream().map(r -> writtenRules.getOrDefault(r.ref(), r.transformation()))
                    .map(t -> t == null ? "" : t.trim())
                    .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(" | "));
            String refs = c.rows().stream().map(MappingRow::ref).distinct().collect(Collectors.joining(" "));
            if (e == null) {
                items.add(new LayerPlan.Item(c.name(), new Expr.TypedNull(c.type().known() ? c.type() : SqlType.VARCHAR), refs,
                        "TODO " + (rule.isEmpty() ? "(no rule)" : "\"" + rule + "\"") + " - " + reason));
                diagnostics.add(new Diagnostic(Diagnostic.WARNING, "rule_not_compiled",
                        target + "." + c.name() + ": " + reason, null, c.ref()));
            } else {
                items.add(new LayerPlan.Item(c.name(), e, refs, null));
                if (grouped && !Expr.hasAggregate(e) && !Expr.columns(e).isEmpty() && !groupBy.contains(e)) {
                    groupBy.add(e);
                }
            }
            List<String> lineage = e == null ? sourcesOf(c) : Expr.columns(e).stream().map(this::lineage).filter(Objects::nonNull).distinct().toList();
            infos.add(new LayerPlan.ColumnInfo(c.name(), c.type(), refs, e == null ? "flagged" : "compiled", reason,
                    lineage, keyColumns.contains(c.name()), c.rows().get(0).nullable(), c.outcome().acceptedValues(),
                    c.outcome().lookupTable(), rule));
        }

        // WHERE from the rows' filters
        List<Expr> where = new ArrayList<>();
        Map<String, LayerPlan.Pick> picks = new HashMap<>();
        // the tables whose pick the document says comes after the target's conditions
        java.util.Set<String> picksAfterFilters = new java.util.HashSet<>();
        List<String> whereTodos = new ArrayList<>();
        List<String> whereRefs = new ArrayList<>();
        Set<String> seenFilters = new LinkedHashSet<>();
        Map<MappingRow, List<String>> restatedCodes = new LinkedHashMap<>();
        RowChoices.Made made = RowChoices.Made.of(finalColumns, finalExprs);
        boolean filtersElsewhere = rows.stream().anyMatch(x -> x.filter() != null && !x.filter().isBlank()
                && !FilterText.refersElsewhere(x.filter()) && !FilterText.keepsAll(x.filter()));
        for (MappingRow r : rows) {
            if (r.filter() == null || r.filter().isBlank() || !seenFilters.add(r.filter().trim())
                    || FilterText.keepsAll(r.filter()) || filtersElsewhere && FilterText.refersElsewhere(r.filter())) {
                // "All accounts, closed ones included", "None": nothing to filter; "(Voided rows are already filtered
                // out - see claim_number.)": a filter another row of the target states
                continue;
            }
            PickKeys.Picked picked = choices.picks(r, baseAlias, joins, picks, picksAfterFilters);
            String cell = picked.rest();
            String problem = picked.problem();
            if (problem != null) {
                whereTodos.add("TODO filter " + r.ref() + " not applied: \"" + r.filter().trim() + "\" - " + problem);
                diagnostics.add(new Diagnostic(Diagnostic.ERROR, "filter_not_compiled",
                        "filter \"" + r.filter().trim() + "\" of target " + target + " is not applied: " + problem, null, r.ref()));
                continue;
            }
            if (!cell.equals(r.filter())) {
                // "...; every other attribute comes from that row": what the pick means, said after it
                cell = Picks.withoutExplanations(cell);
                whereRefs.add(r.ref());
                if (cell.isBlank()) {
                    continue;
                }
            }
            Expr listed = FilterText.othersExcluded(cell) ? RowChoices.listedCodes(r, finalColumns) : null;
            if (listed != null) {
                // "Rows with any other status are filtered out": the rows whose value the row's own map lists
                where.add(listed);
                whereRefs.add(r.ref());
                continue;
            }
            if (choices.definesOnly(cell)) {
                // "A property is a test property if ...": what the sentences that leave such rows out read
                whereRefs.add(r.ref());
                continue;
            }
            String[] why = {null};
            // "Step 2: load only completed trips, i.e. trip_status = 'C'. T (test), V (voided) and O (open) trips are not
            // loaded.": each sentence a condition, or the codes the conditions already leave out; the cell read whole
            // only when its sentences do not read one by one
            Expr applied = FilterSentences.sentences(cell).size() > 1 ? choices.bySentence(cell, r, baseAlias, joins, made) : null;
            String unread = applied == null && FilterSentences.sentences(cell).size() > 1 ? choices.unreadChoice(cell, r, baseAlias, joins, made) : null;
            if (unread != null) {
                // "Reversal bills (BILL_TYPE = 'REV') are excluded. Exclude test accounts.": read whole, the first
                // sentence's reading would take the second for its remark and leave the test accounts in
                why[0] = "the sentence \"" + unread + "\" chooses rows and is not understood";
            } else if (applied == null) {
                applied = choices.readFilter(cell, r, baseAlias, joins, made, why);
            }
            if (applied != null) {
                if (!(applied instanceof Expr.Lit l && Boolean.TRUE.equals(l.value()))) {
                    // (rows of a kind none of the target's rows can be: nothing to leave out)
                    where.add(applied);
                }
                whereRefs.add(r.ref());
            } else if (FilterSentences.sentences(cell).size() == 1 && FilterText.excludedCodes(cell) != null) {
                // "(X rows are filtered out before this point.)": said again of codes another row's filter excludes
                restatedCodes.put(r, FilterText.excludedCodes(cell));
            } else {
                whereTodos.add("TODO filter " + r.ref() + " not applied: \"" + r.filter().trim() + "\" - " + why[0]);
                diagnostics.add(new Diagnostic(Diagnostic.ERROR, "filter_not_compiled",
                        "filter \"" + r.filter().trim() + "\" of target " + target + " is not applied: " + why[0], null, r.ref()));
            }
        }

        if (rows.stream().anyMatch(x -> x.filter() != null && FilterText.beforeAll(x.filter()))) {
            // "Cancelled results are removed before anything else, including de-duplication": the picks come after
            picksAfterFilters.addAll(picks.keySet());
        }
        where.replaceAll(w -> conventions.applied(w, x -> textual(types.infer(x))));
        // "codes and identifiers are compared trimmed and upper case": the keys of a pick too
        picks.replaceAll((a, p) -> new LayerPlan.Pick(p.partitionBy().stream().map(k -> conventions.key(k, x -> textual(types.infer(x))))
                .toList(), p.orderBy(), p.mappingRef(), p.before()));
        for (String alias : picksAfterFilters) {
            List<Expr> first = where.stream().filter(w -> !Expr.columns(w).isEmpty()
                    && Expr.columns(w).stream().allMatch(c -> alias.equals(c.relation()))).toList();
            picks.computeIfPresent(alias, (a, p) -> p.after(first));
        }
        Set<String> excluded = FilterText.excludedCodes(where);
        restatedCodes.forEach((r, codes) -> {
            if (!codes.isEmpty() && excluded.containsAll(codes)) {
                whereRefs.add(r.ref());
            } else {
                String why = "the codes " + codes + " are said to be left out, but no filter of the target leaves them out";
                whereTodos.add("TODO filter " + r.ref() + " not applied: \"" + r.filter().trim() + "\" - " + why);
                diagnostics.add(new Diagnostic(Diagnostic.ERROR, "filter_not_compiled",
                        "filter \"" + r.filter().trim() + "\" of target " + target + " is not applied: " + why, null, r.ref()));
            }
        });

        RulePointers.Unborne unborne = whereTodos.isEmpty() ? RulePointers.check(rows, !where.isEmpty(), !picks.isEmpty()) : null;
        if (unborne != null) {
            // a remark pointing to a general rule the target does not read: said, not dropped
            whereTodos.add("TODO filter " + unborne.row().ref() + " not applied: \"" + unborne.remark() + "\" - " + unborne.why());
            diagnostics.add(new Diagnostic(Diagnostic.ERROR, "filter_not_compiled", "remark \"" + unborne.remark() + "\" of target "
                    + target + " is not applied: " + unborne.why(), null, unborne.row().ref()));
        }

        List<String> sourceTables = new ArrayList<>();
        if (baseTable != null) {
            sourceTables.add(qualifiedName(baseTable));
        }
        // another target's view is read, not sourced: sample data and dbt sources leave it to that target
        joins.values().stream().filter(j -> !j.relation().cte()).forEach(j -> sourceTables.add(
                j.relation().schema() == null ? j.relation().name() : j.relation().schema() + "." + j.relation().name()));
        aggCtes.values().forEach(b -> {
            b.path.forEach(e -> tables.all().stream().filter(t -> t.alias().equalsIgnoreCase(e.leftAlias())).findFirst()
                    .ifPresent(t -> sourceTables.add(qualifiedName(t))));
        });

        String rowsUnknown = new RowsNotMade(writtenRules, tables).why(whereTodos, finalColumns, keyColumns, grouped, baseTable, rows);

        if (rowsUnknown != null) {
            // every value is computed, over rows that are not the target's: no column is right, each says why
            diagnostics.add(new Diagnostic(Diagnostic.WARNING, "target_rows_not_as_mapped", "target " + target + ": " + rowsUnknown,
                    null, null));
            infos.replaceAll(i -> "compiled".equals(i.status()) ? new LayerPlan.ColumnInfo(i.name(), i.type(), i.mappingRef(),
                    "flagged", rowsUnknown, i.sources(), i.key(), i.nullable(), i.acceptedValues(), i.lookupTable(), i.rule()) : i);
        }

        LayerPlan.Branch branch = new LayerPlan.Branch(baseTable == null ? null
                : new LayerPlan.Relation(baseTable.schema(), baseTable.name(), baseTable.alias(), false, picks.get(baseAlias)),
                joins.values().stream().map(j -> picks.containsKey(j.relation().alias()) ? new LayerPlan.Join(j.type(),
                        j.relation().withPick(picks.get(j.relation().alias())), j.on(), j.mappingRefs()) : j).toList(),
                items, where, whereTodos, groupBy,
                rows.stream().map(MappingRow::ref).distinct().toList(), whereRefs);
        return new LayerPlan(target, ctes, List.of(branch), infos, sourceTables.stream().distinct()
                .filter(t -> !binder.upstream(t)).toList(), keyColumns);
    }

    /**
     * The table the target's aggregates read when its row-level columns read that table too: the payments summed per
     * department and month of payment. Such a target is grouped as a whole on its row-level columns, with that table as
     * the base; aggregating it first per parent key (as for a customer's orders) would lose the other grouping columns.
     * Null when the aggregates read only tables no row-level column reads (or there are none).
     */
    private String measuredTable(List<Compiled> columns) {
        Map<String, Integer> aggregated = new LinkedHashMap<>();
        Set<String> rowLevel = new LinkedHashSet<>();
        for (Compiled c : columns) {
            if (c.flagged() || c.expr() == null) {
                continue;
            }
            boolean agg = Expr.hasAggregate(c.expr());
            for (Expr.Col col : Expr.columns(c.expr())) {
                if (!tables.isSourceAlias(col.relation())) {
                    continue;
                }
                if (agg) {
                    aggregated.merge(col.relation(), 1, Integer::sum);
                } else {
                    rowLevel.add(col.relation());
                }
            }
        }
        return aggregated.entrySet().stream().filter(e -> rowLevel.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    List<String> sourcesOf(Compiled c) {
        List<String> out = new ArrayList<>();
        for (MappingRow r : c.rows()) {
            for (SourceRef s : r.sourceColumns()) {
                out.add((tables.ownTarget(r, s) ? target : tables.tableOf(r, s).name()) + "." + s.column().trim());
            }
        }
        return out.stream().distinct().toList();
    }

    String lineage(Expr.Col c) {
        for (Table t : tables.all()) {
            if (t.alias().equals(c.relation())) {
                return t.name() + "." + c.column();
            }
        }
        for (Lookup l : binder.lookups()) {
            if (l.alias().equals(c.relation()) || l.wildcardAlias() != null && l.wildcardAlias().equals(c.relation())) {
                return l.map().name() + "." + c.column();
            }
        }
        return null;
    }

    /**
     * With a stated grain, the target's rows are one per value of the grain: a column that is neither aggregated nor
     * part of the grain would split them, so it is flagged; a grain name that is no target column but a source column
     * the target reads is grouped on as well.
     */
    private void honourGrain(List<Compiled> columns, Map<String, Expr> finalExprs, Map<String, String> reasons,
                             List<Expr> groupBy, List<String> keyColumnNames, boolean aggregated) {
        String stated = String.join(", ", grain);
        List<Expr> keys = new ArrayList<>();
        List<Expr> declared = keyColumnNames.stream().map(finalExprs::get).toList();
        for (String g : grain) {
            Compiled named = columns.stream().filter(c -> c.name().equalsIgnoreCase(g)).findFirst().orElse(null);
            if (named == null) {
                named = namedInWords(columns, finalExprs, g, keyColumnNames);
            }
            Expr e = named == null ? finalExprs.values().stream().flatMap(x -> Expr.columns(x).stream())
                    .filter(c -> tables.isSourceAlias(c.relation()) && c.column().equalsIgnoreCase(g)).findFirst()
                    .map(c -> (Expr) c).orElse(null) : finalExprs.get(named.name());
            if ((e == null || Expr.hasAggregate(e)) && declared.size() == grain.size()
                    && declared.stream().allMatch(d -> d != null && !Expr.hasAggregate(d))) {
                // "one row per subscription per calendar month" over two declared key columns: the keys are the grain
                keys.clear();
                declared.forEach(keys::add);
                break;
            }
            if (e == null || Expr.hasAggregate(e)) {
                // the grain's column, or a key column (the first column where none is marked), that is flagged
                List<String> carriers = keyColumnNames.isEmpty() && !columns.isEmpty() ? List.of(columns.get(0).name()) : keyColumnNames;
                Compiled carrier = named != null ? named : columns.stream()
                        .filter(c -> carriers.contains(c.name()) && finalExprs.get(c.name()) == null).findFirst().orElse(null);
                if (!aggregated && carrier != null && e == null) {
                    // "Grain: one row per invoice" over lines, with the invoice's column flagged: the rows the other
                    // columns would give are the lines, not the invoices asked for
                    String why = "the mapping states the grain " + stated + ", but its column " + carrier.name()
                            + " is flagged, so the rows are not at that grain";
                    diagnostics.add(new Diagnostic(Diagnostic.WARNING, "grain_not_applied", "target " + target + ": " + why, null, null));
                    for (Compiled c : columns) {
                        if (finalExprs.remove(c.name()) != null) {
                            reasons.put(c.name(), why);
                        }
                    }
                }
                if (!aggregated) {
                    return;
                }
                // "sum per warehouse and item" with no column for 'item': grouping by less than the stated grain would
                // give every aggregate at the wrong grain, so the aggregates are flagged instead
                String why = "the mapping states the grain " + stated + ", but '" + g
                        + "' is neither a target column nor a source column the target reads: name the column to group by";
                diagnostics.add(new Diagnostic(Diagnostic.WARNING, "grain_not_applied", "target " + target + ": " + why, null, null));
                for (Compiled c : columns) {
                    Expr x = finalExprs.get(c.name());
                    if (x != null && Expr.hasAggregate(x)) {
                        finalExprs.remove(c.name());
                        reasons.put(c.name(), why);
                    }
                }
                return;
            }
            if (!keys.contains(e)) {
                keys.add(e);
            }
        }
        // the declared key columns are the target's grain as well: "number of employees per department" in one rule of
        // a target keyed on department and month states part of it
        declared.stream().filter(d -> d != null && !Expr.hasAggregate(d) && !keys.contains(d)).forEach(keys::add);
        Set<Expr.Col> keyColumns = keys.stream().flatMap(k -> Expr.columns(k).stream()).collect(Collectors.toSet());
        if (!aggregated && columns.stream().map(c -> finalExprs.get(c.name()))
                .anyMatch(e -> e != null && !keys.contains(e) && !keyColumns.containsAll(Expr.columns(e)))) {
            // only the measures are flagged and other row-level columns would split the grain: left as the rows are
            return;
        }
        groupBy.addAll(keys);
        for (Compiled c : columns) {
            Expr e = finalExprs.get(c.name());
            // a column computed from the grain's columns alone has one value per grain
            if (e == null || Expr.hasAggregate(e) || keyColumns.containsAll(Expr.columns(e))) {
                continue;
            }
            finalExprs.remove(c.name());
            reasons.put(c.name(), "the mapping states the grain " + stated
                    + " and this column is neither part of it nor aggregated: say how to aggregate it");
        }
    }

    /**
     * Columns whose rules start with an aggregate word ("Number of VOICE events", "Total data used") are flagged: the
     * target is still an aggregate, and its stated grain still says what its rows are.
     */
    private boolean measuresFlagged(List<Compiled> columns) {
        return columns.stream().anyMatch(c -> c.flagged() && c.rows().stream()
                .map(r -> writtenRules.getOrDefault(r.ref(), r.transformation()))
                .anyMatch(t -> t != null && io.aide.compiler.lang.Aggregates.leads(t)));
    }

    /**
     * The target column a grain's words name ("department" for dept_code, "calendar month" for usage_month): the one
     * row-level column, a key column first, whose name has the phrase's last word as a part; null when none or several.
     */
    /** A column name that identifies a thing: "invoice_no", "customer_id", "plan_code". */
    private static final java.util.regex.Pattern IDENTIFYING = java.util.regex.Pattern.compile(
            "(?i)(?:^|_)(?:no|nbr|num|number|id|key|code|ref)$");

    private Compiled namedInWords(List<Compiled> columns, Map<String, Expr> finalExprs, String phrase,
                                  List<String> keyColumnNames) {
        // flagged columns too: "one row per invoice" names invoice_no even when its rule is flagged, never invoice_year
        List<Compiled> named = columns.stream().filter(c -> !(finalExprs.get(c.name()) != null
                && Expr.hasAggregate(finalExprs.get(c.name())))
                && io.aide.compiler.lang.Aggregates.namesColumn(c.name(), phrase)).toList();
        List<Compiled> keyed = named.stream().filter(c -> keyColumnNames.contains(c.name())).toList();
        List<Compiled> identifying = named.stream().filter(c -> IDENTIFYING.matcher(c.name()).find()).toList();
        return keyed.size() == 1 ? keyed.get(0) : identifying.size() == 1 ? identifying.get(0) : named.size() == 1 ? named.get(0) : null;
    }

    /** Collects the aggregates of one child path into one CTE grouped by the key that joins the parent. */
    private final class AggBuilder {
        final String name;
        final String child;
        final List<Edge> path;
        final List<LayerPlan.Item> items = new ArrayList<>();
        final List<String> refs = new ArrayList<>();

        AggBuilder(String name, String child, List<Edge> path) {
            this.name = name;
            this.child = child;
            this.path = path;
        }

        LayerPlan.AggregateCte build() {
            Table childTable = tables.all().stream().filter(t -> t.alias().equals(child)).findFirst().orElseThrow();
            List<LayerPlan.Join> cteJoins = new ArrayList<>();
            for (int i = 0; i < path.size() - 1; i++) {
                Edge e = path.get(i);
                Table t = tables.all().stream().filter(x -> x.alias().equalsIgnoreCase(e.rightAlias())).findFirst().orElseThrow();
                cteJoins.add(new LayerPlan.Join("JOIN", new LayerPlan.Relation(t.schema(), t.name(), t.alias(), false),
                        e.on(),
                        e.ref() == null ? List.of() : List.of(e.ref())));
            }
            Edge last = path.get(path.size() - 1);
            return new LayerPlan.AggregateCte(name, new LayerPlan.Relation(childTable.schema(), childTable.name(), childTable.alias(), false),
                    cteJoins, List.of(last.key(last.leftAlias(), last.leftColumn())), List.of("__key"), items, refs);
        }
    }
}
