package io.aide.compiler;

import io.aide.compiler.SourceTables.Table;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.ReferenceData;
import io.aide.compiler.rules.RuleCompiler;
import io.aide.compiler.rules.RuleContext;
import io.aide.compiler.rules.RuleOutcome;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.aide.compiler.SourceTables.safeName;
import static io.aide.compiler.SourceTables.splitComposite;
import static io.aide.compiler.SourceTables.unquote;

/**
 * Compiles the target columns of one target: binds the names a rule uses (source columns, other target columns,
 * parameters, reference lookups) as the {@link RuleContext} of {@link RuleCompiler}, merges the rows that define one
 * column, and casts the result to the target type.
 */
final class ColumnBinder {
    record Lookup(String alias, String cteName, ReferenceData.LookupMap map, Expr key, Expr wildcardKey,
                  String wildcardAlias, String mappingRef) {
    }

    /** A compiled target column (before planning moves aggregates into CTEs). */
    record Compiled(String name, SqlType type, List<MappingRow> rows, RuleOutcome outcome, Expr expr) {
        boolean flagged() {
            return outcome.isFlagged();
        }

        String ref() {
            return rows.get(0).ref();
        }
    }

    private final SchemaCatalog catalog;
    private final ReferenceData references;
    private final String target;
    private final List<MappingRow> rows;
    private final SourceTables tables;
    private final TypeCoercion types;
    private final Map<Expr.Lit, String> unitHints;
    private final List<Diagnostic> diagnostics;
    private final RuleCompiler ruleCompiler = new RuleCompiler();
    private final Map<String, List<MappingRow>> rowsByColumn = new LinkedHashMap<>();
    private final Map<String, Compiled> compiled = new HashMap<>();
    /** The layouts the mapping states for its text date columns, used wherever a rule reads one as a date. */
    private final StatedLayouts layouts;
    /** The document counts a blank text as no value (DocumentConventions.blankIsNull). */
    private final boolean blankIsNull;
    private final Set<String> compiling = new HashSet<>();
    private final Set<Expr.Col> assumed = new HashSet<>();
    private final List<Lookup> lookups = new ArrayList<>();
    /** The columns of the other targets this one reads, by lower-case target name (their views come first). */
    private final Map<String, List<LayerPlan.ColumnInfo>> upstream;
    private final TargetTallies tallies;
    /**
     * Per mapping row, why a name its rule used may not bind: several tables of the target have it, or it is a target
     * column that is not compiled (added to the row's flag reason when the rule does not compile).
     */
    private final Map<String, List<String>> ambiguousNames = new HashMap<>();

    ColumnBinder(ReferenceData references, String target, List<MappingRow> rows, SourceTables tables, TypeCoercion types,
                 Map<Expr.Lit, String> unitHints, List<Diagnostic> diagnostics, StatedLayouts layouts,
                 Map<String, List<LayerPlan.ColumnInfo>> upstream, boolean blankIsNull) {
        this.layouts = layouts;
        this.blankIsNull = blankIsNull;
        this.upstream = upstream;
        this.tallies = new TargetTallies(this, tables);
        this.catalog = tables.catalog();
        this.references = references;
        this.target = target;
        this.rows = rows;
        this.tables = tables;
        this.types = types;
        this.unitHints = unitHints;
        this.diagnostics = diagnostics;
        for (MappingRow r : rows) {
            if (r.targetColumn() == null || r.targetColumn().isBlank()) {
                continue;
            }
            rowsByColumn.computeIfAbsent(r.targetColumn().trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
        }
    }

    /** The target's columns (lower case), in the order the mapping first names them. */
    Set<String> columnKeys() {
        return rowsByColumn.keySet();
    }

    /** The reference lookups the compiled rules read, each to be planned as a CTE and a LEFT JOIN. */
    List<Lookup> lookups() {
        return lookups;
    }

    Compiled compileColumn(String key) {
        Compiled done = compiled.get(key);
        if (done != null) {
            return done;
        }
        List<MappingRow> colRows = rowsByColumn.get(key);
        MappingRow first = colRows.get(0);
        SqlType type = SqlType.parse(first.targetType());
        if (!compiling.add(key)) {
            return new Compiled(first.targetColumn().trim(), type, colRows,
                    RuleOutcome.flagged("the rule refers to itself through other columns"), null);
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        List<MappingRow> used = new ArrayList<>();
        for (MappingRow r : colRows) {
            String elsewhere = colRows.size() > 1 ? io.aide.compiler.lang.OtherDatasets.destination(r) : null;
            if (elsewhere != null) {
                // "split values over 200 characters into CMDRGn in SUPPCM": another row gives this column its value
                diagnostics.add(new Diagnostic(Diagnostic.WARNING, "other_dataset_rule", "writes into " + elsewhere
                        + ", which this layer does not generate; not applied to " + target + "." + first.targetColumn().trim()
                        + ": " + r.transformation(), null, r.ref()));
                continue;
            }
            String missing = missingSource(r);
            ambiguousNames.remove(r.ref());
            RuleOutcome o = missing != null ? RuleOutcome.flagged(missing) : ownColumnsRead(r, ruleCompiler.compile(contextFor(r, type)));
            // "Count of the invoice's lines in FACT_TREATMENT": the rows of another target that belong to this row; an
            // aggregate read over a row whose source is another target is counted so too, when the words read as a tally
            boolean overTarget = !o.isFlagged() && Expr.hasAggregate(o.expr()) && upstream(r.sourceTable());
            RuleOutcome tallied = (o.isFlagged() || overTarget) && missing == null ? tallies.read(r) : null;
            if (tallied != null && (o.isFlagged() || !tallied.isFlagged())) {
                o = tallied;
            }
            if (blankIsNull && !o.isFlagged() && o.defaultValue() != null && !o.blankToo() && type.kind() == SqlType.Kind.VARCHAR
                    && Expr.columns(o.expr()).stream().allMatch(c -> TypeCoercion.textual(types.infer(c)))) {
                // the document counts a blank text as no value: the default replaces it as it replaces NULL
                o = o.withBlankToo();
            }
            String lookedUp = o.isFlagged() ? null : upstreamLookupProblem(o.expr());
            if (lookedUp != null) {
                // "Look up DIM_CARRIER ... and return carrier_sk" where carrier_sk is flagged there: its view holds NULL
                o = RuleOutcome.flagged(lookedUp);
            }
            List<String> ambiguous = ambiguousNames.remove(r.ref());
            if (o.isFlagged() && ambiguous != null) {
                o = RuleOutcome.flagged(o.flagReason() + "; " + String.join("; ", ambiguous.stream().distinct().toList()));
            }
            if (o.isFlagged() && o.flagReason().startsWith("dataset-level")) {
                diagnostics.add(new Diagnostic(Diagnostic.INFO, "dataset_level_rule",
                        "not a column rule, not applied: " + r.transformation(), null, r.ref()));
                continue;
            }
            outcomes.add(o);
            used.add(r);
        }
        RuleOutcome outcome = merge(outcomes, used);
        Expr expr = outcome.isFlagged() ? null : layouts.apply(types.coerce(outcome.expr(), type), tables);
        Compiled c = new Compiled(first.targetColumn().trim(), type, used.isEmpty() ? colRows : used, outcome, expr);
        compiled.put(key, c);
        compiling.remove(key);
        return c;
    }

    /**
     * With a registered schema, a source column it does not have makes the rule uncompilable (instead of failing SQL);
     * with or without one, so does a column of this or another target of the mapping that is not there or not compiled.
     */
    String missingSource(MappingRow row) {
        boolean registered = catalog != null && !catalog.tables().isEmpty();
        for (SourceRef s : row.sourceColumns()) {
            if (s.column() == null || s.column().isBlank()) {
                continue;
            }
            if (tables.ownTarget(row, s)) {
                String own = ownColumnProblem(row, s.column().trim());
                if (own != null) {
                    return own;
                }
                continue;
            }
            Table t = tables.tableOf(row, s);
            String fromTarget = upstreamProblem(t.name(), s.column().trim());
            if (fromTarget != null) {
                return fromTarget;
            }
            if (!registered) {
                continue;
            }
            List<String> candidates = tables.ambiguity(List.of(s.column()));
            if (!tables.catalogKnows(t) && candidates != null) {
                return "source column " + s.column().trim() + " is in several registered tables (" + String.join(", ", candidates)
                        + "): name its source table";
            }
            if (!tables.catalogKnows(t)) {
                return "source column " + s.column().trim() + " of table " + t.name()
                        + " is in none of the registered source tables";
            }
            String col = s.column().trim();
            if (!tables.hasColumn(t, col) && !(col.contains("+") && splitComposite(col).stream().allMatch(p -> tables.hasColumn(t, p)))) {
                return "source column " + col + " is not in " + t.name();
            }
        }
        return null;
    }

    /** The relation of a source column that is another column of this target (its source table is the target). */
    private static final String OWN_TARGET = "\u0000target";

    /** Why a column the row names as the target's own cannot be read, or null. */
    private String ownColumnProblem(MappingRow row, String column) {
        if (column.equalsIgnoreCase(row.targetColumn() == null ? null : row.targetColumn().trim())) {
            return "the row reads its own column " + column + " of " + target + ": name the source column it comes from";
        }
        return rowsByColumn.containsKey(column.toLowerCase(Locale.ROOT)) ? null
                : "target " + target + " has no column " + column;
    }

    /** The outcome with the target's own columns the row reads replaced by their expressions (flagged if one is). */
    private RuleOutcome ownColumnsRead(MappingRow row, RuleOutcome o) {
        if (o.isFlagged() || Expr.columns(o.expr()).stream().noneMatch(c -> OWN_TARGET.equals(c.relation()))) {
            return o;
        }
        List<String> unreadable = new ArrayList<>();
        Expr e = Expr.mapColumns(o.expr(), c -> {
            if (!OWN_TARGET.equals(c.relation())) {
                return c;
            }
            Expr own = targetColumn(row, c.column());
            if (own == null) {
                unreadable.add(c.column());
                return c;
            }
            return own;
        });
        if (!unreadable.isEmpty()) {
            return RuleOutcome.flagged("reads the target column " + unreadable.get(0) + ", which is not compiled");
        }
        return new RuleOutcome(e, o.defaultValue(), null, o.acceptedValues(), o.lookupTable(), o.leftJoinHint(), o.notes(),
                o.blankToo(), o.alsoFor());
    }

    /** True when the table is another target of the mapping whose view this target reads. */
    boolean upstream(String table) {
        return table != null && upstream.containsKey(UpstreamTargets.key(table));
    }

    /**
     * Why a column of another target cannot be read, or null: that target has no such column, or it is flagged there
     * (its view holds a NULL in its place, which no rule here may compute on).
     */
    String upstreamProblem(String table, String column) {
        List<LayerPlan.ColumnInfo> columns = table == null ? null : upstream.get(UpstreamTargets.key(table));
        if (columns == null) {
            return null;
        }
        LayerPlan.ColumnInfo c = columns.stream().filter(x -> x.name().equalsIgnoreCase(column)).findFirst().orElse(null);
        if (c == null) {
            return "target " + table.trim() + " has no column " + column;
        }
        return "flagged".equals(c.status()) ? "reads " + table.trim() + "." + c.name() + ", which is not compiled there ("
                + c.reason() + ")" : null;
    }

    /** Why a lookup into another target cannot be read (a column it reads or matches is flagged there), or null. */
    private String upstreamLookupProblem(Expr e) {
        String[] problem = {null};
        Expr.visit(e, x -> {
            if (problem[0] == null && x instanceof Expr.Lookup l && upstream(l.table())) {
                problem[0] = upstreamProblem(l.table(), l.column());
                for (Expr.Match m : l.matches()) {
                    problem[0] = problem[0] != null ? problem[0] : upstreamProblem(l.table(), m.column());
                }
            }
        });
        return problem[0];
    }

    /** A name a rule binds to a flagged column of another target binds to nothing. */
    private Expr readable(Expr bound) {
        if (bound instanceof Expr.Col c && !upstream.isEmpty()) {
            for (Table t : tables.all()) {
                if (t.alias().equals(c.relation()) && upstreamProblem(t.name(), c.column()) != null) {
                    return null;
                }
            }
        }
        return bound;
    }

    RuleOutcome merge(List<RuleOutcome> outcomes, List<MappingRow> used) {
        if (outcomes.isEmpty()) {
            return RuleOutcome.flagged("no row of the mapping defines this column");
        }
        if (outcomes.size() == 1) {
            return outcomes.get(0);
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).isFlagged()) {
                return RuleOutcome.flagged(used.size() + " rows define this column; " + used.get(i).ref()
                        + " is not compiled (" + outcomes.get(i).flagReason() + ")");
            }
        }
        boolean allSame = outcomes.stream().map(RuleOutcome::expr).distinct().count() == 1;
        if (allSame) {
            return outcomes.get(0);
        }
        boolean allCases = outcomes.stream().allMatch(o -> o.expr() instanceof Expr.Case c && c.otherwise() == null);
        if (allCases) {
            List<Expr.When> whens = new ArrayList<>();
            outcomes.forEach(o -> whens.addAll(((Expr.Case) o.expr()).whens()));
            List<String> accepted = outcomes.stream().flatMap(o -> o.acceptedValues().stream()).distinct().toList();
            return new RuleOutcome(new Expr.Case(whens, null), outcomes.get(0).defaultValue(), null, accepted,
                    outcomes.get(0).lookupTable(), outcomes.stream().anyMatch(RuleOutcome::leftJoinHint), List.of(),
                    outcomes.get(0).blankToo());
        }
        return RuleOutcome.flagged(used.size() + " rows (" + used.stream().map(MappingRow::ref).collect(Collectors.joining(", "))
                + ") define this column differently and the document does not say how they combine");
    }

    RuleContext contextFor(MappingRow row, SqlType type) {
        List<Expr.Col> sources = new ArrayList<>();
        for (SourceRef s : row.sourceColumns()) {
            if (s.column() == null || s.column().isBlank()) {
                continue;
            }
            if (tables.ownTarget(row, s)) {
                sources.add(new Expr.Col(OWN_TARGET, s.column().trim()));
                continue;
            }
            Table t = tables.tableOf(row, s);
            String col = s.column().trim();
            if (tables.catalogKnows(t) && !tables.hasColumn(t, col) && col.contains("+")) {
                for (String part : splitComposite(col)) {
                    sources.add(new Expr.Col(t.alias(), tables.canonicalColumn(t, part)));
                }
            } else {
                sources.add(new Expr.Col(t.alias(), tables.canonicalColumn(t, col)));
            }
        }
        return new BoundContext(row, type, sources, false);
    }

    Expr resolveName(MappingRow row, List<Expr.Col> sources, String qualifier, String rawName) {
        String name = unquote(rawName);
        if (qualifier != null) {
            String q = unquote(qualifier);
            if (q.equalsIgnoreCase(target)) {
                return targetColumn(row, name);
            }
            Table t = tables.findTable(q);
            if (t == null && tables.catalog() == null && row.sourceTable() == null && row.sourceColumns().isEmpty()) {
                // a row that names no source reads the table its rule names (ADSL.SITEID), when no schema says otherwise
                t = tables.tableFor(null, q, List.of(name));
            }
            if (t != null) {
                if (tables.catalogKnows(t) && !tables.hasColumn(t, name)) {
                    return null;
                }
                return new Expr.Col(t.alias(), tables.canonicalColumn(t, name));
            }
            Optional<String> param = references.scalar(q + "." + name);
            if (param.isPresent()) {
                return parameter(q + "." + name, param.get());
            }
            return null;
        }
        for (Expr.Col s : sources) {
            if (s.column().equalsIgnoreCase(name)) {
                return s;
            }
        }
        Table own = sources.isEmpty() ? null : tables.all().stream()
                .filter(t -> t.alias().equals(sources.get(0).relation())).findFirst().orElse(null);
        if (own == null && row.sourceTable() != null) {
            own = tables.findTable(row.sourceTable());
        }
        if (own != null && tables.hasColumn(own, name)) {
            return new Expr.Col(own.alias(), tables.canonicalColumn(own, name));
        }
        if (!name.equalsIgnoreCase(row.targetColumn()) && rowsByColumn.containsKey(name.toLowerCase(Locale.ROOT))) {
            return targetColumn(row, name);
        }
        List<Table> withColumn = tables.all().stream().filter(t -> tables.hasColumn(t, name)).toList();
        if (withColumn.size() == 1) {
            return new Expr.Col(withColumn.get(0).alias(), tables.canonicalColumn(withColumn.get(0), name));
        }
        for (MappingRow other : rows) {
            for (SourceRef s : other.sourceColumns()) {
                if (name.equalsIgnoreCase(s.column()) && !tables.ownTarget(other, s)) {
                    Table t = tables.tableOf(other, s);
                    return new Expr.Col(t.alias(), s.column().trim());
                }
            }
        }
        Optional<String> param = references.scalar(name);
        if (param.isPresent()) {
            return parameter(name, param.get());
        }
        if (own != null && !tables.catalogKnows(own) && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            Expr.Col c = new Expr.Col(own.alias(), name);
            assumed.add(c);
            return c;
        }
        if (withColumn.size() > 1) {
            ambiguousNames.computeIfAbsent(row.ref(), k -> new ArrayList<>()).add("'" + name + "' is a column of "
                    + withColumn.stream().map(Table::name).collect(Collectors.joining(", ")) + ": write its table before it");
        }
        return null;
    }

    /** What a filter written in words sees: names resolve as {@link #resolveFilterName} does; no lookups. */
    RuleContext filterContext(MappingRow row) {
        return new BoundContext(row, SqlType.BOOLEAN, tables.columnsOfOwnTable(row.sourceTable()), true);
    }

    /** A rule's view of the target: its row, type and source columns, names bound by this binder. */
    private final class BoundContext implements RuleContext {
        private final MappingRow row;
        private final SqlType type;
        private final List<Expr.Col> sources;
        /** A filter reads source rows: names bind as {@link #resolveFilterName} does, and it adds no lookups. */
        private final boolean filter;
        /** Names resolve the same way for the whole rule: the grammar tries many words, some more than once. */
        private final Map<String, Optional<Expr>> resolved = new HashMap<>();

        BoundContext(MappingRow row, SqlType type, List<Expr.Col> sources, boolean filter) {
            this.row = row;
            this.type = type;
            this.sources = sources;
            this.filter = filter;
        }

        @Override
        public MappingRow row() {
            return row;
        }

        @Override
        public boolean choosesRows() {
            return filter;
        }

        @Override
        public SqlType targetType() {
            return type;
        }

        @Override
        public List<Expr.Col> sources() {
            return sources;
        }

        @Override
        public Expr resolve(String qualifier, String name) {
            return resolved.computeIfAbsent(qualifier + "\u0000" + name, k -> Optional.ofNullable(readable(filter
                    ? resolveFilterName(row, qualifier, name) : resolveName(row, sources, qualifier, name)))).orElse(null);
        }

        @Override
        public SqlType typeOf(Expr.Col column) {
            if (OWN_TARGET.equals(column.relation())) {
                List<MappingRow> defining = rowsByColumn.get(column.column().toLowerCase(Locale.ROOT));
                return defining == null ? SqlType.UNKNOWN : SqlType.parse(defining.get(0).targetType());
            }
            return tables.columnType(column);
        }

        @Override
        public ReferenceData references() {
            return references;
        }

        @Override
        public Expr lookup(ReferenceData.LookupMap map, List<Expr> keyParts, String separator) {
            return filter ? null : addLookup(map, keyParts, separator, row.ref());
        }

        @Override
        public boolean known(Expr.Col column) {
            return !assumed.contains(column);
        }

        @Override
        public boolean namesTargetColumn(String name) {
            return name != null && rowsByColumn.containsKey(unquote(name).toLowerCase(Locale.ROOT));
        }

        @Override
        public List<String> upstreamColumnsFrom(String other, String sourceColumn) {
            List<LayerPlan.ColumnInfo> columns = other == null ? null : upstream.get(unquote(other).toLowerCase(Locale.ROOT));
            if (columns == null) {
                return List.of();
            }
            String wanted = sourceColumn.toLowerCase(Locale.ROOT);
            // a key numbered in the order of that column reads it too, but holds no value of it
            List<String> from = columns.stream().filter(c -> "compiled".equals(c.status()) && c.sources().size() == 1
                    && c.sources().get(0).toLowerCase(Locale.ROOT).replaceAll("^.*\\.", "").equals(wanted)
                    && (c.rule() == null || !NUMBERED.matcher(c.rule()).find())).map(LayerPlan.ColumnInfo::name).toList();
            return from;
        }

        @Override
        public boolean readableColumn(String table, String column) {
            return !upstream(table) || upstreamProblem(table, column) == null;
        }

        @Override
        public boolean copiedUpstream(String other, String column) {
            List<LayerPlan.ColumnInfo> columns = other == null ? null : upstream.get(unquote(other).toLowerCase(Locale.ROOT));
            return columns != null && columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(column) && c.rule() != null
                    && COPIED.matcher(c.rule().strip()).matches());
        }

        @Override
        public java.util.Set<String> targetColumnsFrom(String table) {
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            rowsByColumn.forEach((column, defining) -> {
                boolean reads = defining.stream().anyMatch(r -> r != row && (r.sourceTable() != null
                        && r.sourceTable().trim().equalsIgnoreCase(table) || r.sourceColumns().stream().anyMatch(s -> s.table() != null
                        && s.table().trim().equalsIgnoreCase(table))));
                if (reads) {
                    out.add(column);
                }
            });
            return out;
        }

        @Override
        public boolean unreadTarget(String name) {
            return name != null && tables.isOtherTarget(name) && !upstream.containsKey(UpstreamTargets.key(name));
        }

        @Override
        public java.util.Set<String> columnsOf(String table) {
            SchemaCatalog catalog = tables.catalog();
            java.util.Set<String> registered = catalog == null || table == null ? java.util.Set.of() : catalog.table(unquote(table))
                    .map(t -> t.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.toSet())).orElse(java.util.Set.of());
            List<LayerPlan.ColumnInfo> view = registered.isEmpty() && table != null ? upstream.get(UpstreamTargets.key(table)) : null;
            // another target of the mapping: the columns its view has
            return view == null ? registered : view.stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    /**
     * A filter reads source rows before projection, so an unqualified name that the mapping uses as a source column
     * means that source column, even when a target column of the same name transforms it.
     */
    /** A rule that copies its source column as it is. */
    private static final java.util.regex.Pattern COPIED = java.util.regex.Pattern.compile("(?i)^(?:direct(?:\\s+(?:move|map|mapping|copy))?"
            + "|1\\s*:\\s*1|as[- ]is|copy|copied|straight(?:\\s+(?:move|copy))?|no\\s+change|pass[- ]through|same)\\s*[.]?$");

    /** A rule that numbers rows: a surrogate key, a sequence, a rank. */
    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("(?i)\\b(?:surrogate|sequence|sequential"
            + "|generated|running\\s+number|row_number|rank|numbered|number\\s+(?:the|them|each)|1\\s*\\.\\.\\s*n|1\\s*,\\s*2\\s*,\\s*3)\\b");

    /** The value of a target column of this target, its own row's included; null when there is none or it is flagged. */
    Expr targetValue(String name) {
        String key = unquote(name).toLowerCase(Locale.ROOT);
        if (!rowsByColumn.containsKey(key)) {
            return null;
        }
        Compiled c = compileColumn(key);
        return c.flagged() || c.expr() == null || Expr.hasAggregate(c.expr()) ? null : c.expr();
    }

    Expr resolveFilterName(MappingRow row, String qualifier, String rawName) {
        if (qualifier == null) {
            String name = unquote(rawName);
            if (name.equalsIgnoreCase(row.targetColumn()) && rows.stream().noneMatch(r -> r.sourceColumns().stream()
                    .anyMatch(s -> name.equalsIgnoreCase(s.column() == null ? null : s.column().trim())))) {
                // "keep the latest row per account_id" in the rule of account_id: the column's value, computed from the
                // row it reads (the filter cell of a column is no part of its value, so this is no cycle)
                Expr own = targetValue(name);
                if (own != null) {
                    return own;
                }
            }
            String own = row.sourceTable() == null ? null : row.sourceTable().trim();
            List<Table> mentioning = tables.all().stream().filter(t -> mentionedAsSource(t, name)).toList();
            Table chosen = mentioning.stream().filter(t -> own != null && t.name().equalsIgnoreCase(own)).findFirst()
                    .orElse(mentioning.size() == 1 ? mentioning.get(0) : null);
            if (chosen != null) {
                return new Expr.Col(chosen.alias(), tables.canonicalColumn(chosen, name));
            }
            Expr exact = resolveName(row, List.of(), null, rawName);
            Expr found = exact != null ? exact : tables.endingIn(row.sourceTable(), name);
            Expr target = found == null ? targetValue(name) : null;
            if (target != null && !Expr.hasWindow(target) && !Expr.hasAggregate(target)) {
                // "any branch whose code starts with 'TST'" where the target's BRANCH_CODE cleans BR_CODE: the target's
                // value of that column, computed from the row the filter reads
                return target;
            }
            return found;
        }
        if (qualifier.equalsIgnoreCase(row.targetTable()) && targetValue(unquote(rawName)) != null) {
            // "objects whose cleaned number starts with TMP": the target's value of that column, computed from the row
            // the filter reads
            return targetValue(unquote(rawName));
        }
        return resolveName(row, List.of(), qualifier, rawName);
    }

    boolean mentionedAsSource(Table t, String column) {
        for (MappingRow r : rows) {
            for (SourceRef s : r.sourceColumns()) {
                String table = s.table() != null && !s.table().isBlank() ? s.table() : r.sourceTable();
                if (column.equalsIgnoreCase(s.column() == null ? null : s.column().trim())
                        && table != null && table.trim().equalsIgnoreCase(t.name())) {
                    return true;
                }
            }
        }
        return tables.hasColumn(t, column);
    }

    Expr targetColumn(MappingRow row, String name) {
        if (name.equalsIgnoreCase(row.targetColumn())) {
            return null;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (!rowsByColumn.containsKey(key)) {
            return null;
        }
        Compiled c = compileColumn(key);
        if (c.flagged()) {
            // why the rule may not read: the column it names is not compiled itself
            String why = c.outcome().flagReason();
            ambiguousNames.computeIfAbsent(row.ref(), k -> new ArrayList<>()).add("it reads the target column " + c.name()
                    + ", which is not compiled (" + (why.length() > 80 ? why.substring(0, 77) + "..." : why) + ")");
        }
        if (c.flagged() || c.expr() == null || Expr.hasAggregate(c.expr())) {
            return null;
        }
        return Fallbacks.applied(c.expr(), c.outcome().defaultValue(), c.outcome(), c.type().kind() == SqlType.Kind.VARCHAR);
    }

    Expr parameter(String name, String value) {
        Expr.Lit lit = ReferenceValues.literal(value);
        String unit = ReferenceValues.unitNamed(name);
        if (unit != null) {
            unitHints.put(lit, unit);
        }
        return lit;
    }

    Expr addLookup(ReferenceData.LookupMap map, List<Expr> keyParts, String separator, String ref) {
        String cte = "ref_" + safeName(map.name());
        String alias = "lk_" + safeName(map.name()) + "_" + (lookups.size() + 1);
        Expr key = ReferenceValues.key(keyParts, separator);
        Expr wildcard = ReferenceValues.wildcardKey(map, keyParts, separator);
        Lookup l = new Lookup(alias, cte, map, key, wildcard, wildcard == null ? null : alias + "_any", ref);
        lookups.add(l);
        Expr exact = new Expr.Col(alias, "value");
        return wildcard == null ? exact : new Expr.Fn("COALESCE", List.of(exact, new Expr.Col(l.wildcardAlias(), "value")));
    }

}
