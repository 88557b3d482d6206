package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.ReferenceData;
import io.aide.compiler.rules.RuleCompiler;
import io.aide.compiler.rules.Rx;
import io.aide.compiler.rules.RuleContext;
import io.aide.compiler.rules.RuleOutcome;
import io.aide.compiler.rules.SqlExpressionParser;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plans one target: compiles its columns, then derives FROM/JOIN, CTEs, WHERE, GROUP BY and UNION ALL. */
final class LayerPlanner {
    private static final Pattern EQUALITY = Pattern.compile(
            "([\\w\"`\\[\\]]+(?:\\.[\\w\"`\\[\\]]+)?)\\.([\\w\"`\\[\\]]+)\\s*=\\s*([\\w\"`\\[\\]]+(?:\\.[\\w\"`\\[\\]]+)?)\\.([\\w\"`\\[\\]]+)");
    private static final Pattern CHAIN = Pattern.compile("([A-Za-z_][\\w.]*)(?:\\s*(?:->|→|>|=>)\\s*([A-Za-z_][\\w.]*))+");
    private static final String PLACEHOLDER_TABLE = "source";
    /** "Exclude test accounts (email like '%@test.com')", "Filter out records where status is null". */
    private static final Pattern EXCLUDING_FILTER = Pattern.compile(
            "(?i)^(?:exclude|filter out|remove|drop|skip|ignore|discard)\\b[^()]*?(?:\\b(?:where|when|if|whose)\\b\\s*(.+?)|\\((.+)\\))\\s*[.]?$");
    /** "JOIN customers c", "FROM orders AS o": aliases an analyst declares in a join written as SQL. */
    private static final Pattern ALIAS_DECLARATION = Pattern.compile(
            "(?i)\\b(?:join|from)\\s+(?:with\\s+|to\\s+)?([A-Za-z_][\\w.]*)(?:\\s+(?:as\\s+)?(?!(?:on|using|where|with|left|right|inner|outer|full|cross|join|and)\\b)([A-Za-z_]\\w*))?");
    /** "Join customers on customer_id", "left join customers using (customer_id)": one column both tables share. */
    private static final Pattern JOIN_ON_SHARED_COLUMN = Pattern.compile(
            "(?i)^\\s*(?:(?:left|inner|right|full)?\\s*(?:outer\\s+)?join\\s+(?:with\\s+|to\\s+)?)?([A-Za-z_][\\w.]*)\\s+(?:on|using)\\s*\\(?\\s*([A-Za-z_]\\w*)\\s*\\)?\\s*$");

    private final MappingSpec spec;
    private final SchemaCatalog catalog;
    private final ReferenceData references;
    private final String target;
    private final List<MappingRow> rows;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final RuleCompiler ruleCompiler = new RuleCompiler();

    private final Map<String, List<MappingRow>> rowsByColumn = new LinkedHashMap<>();
    private final Map<String, Compiled> compiled = new HashMap<>();
    private final Set<String> compiling = new HashSet<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<Expr.Lit, String> unitHints = new IdentityHashMap<>();
    private final Set<Expr.Col> assumed = new HashSet<>();
    private final List<Lookup> lookups = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    record Table(String schema, String name, String alias) {
    }

    record Lookup(String alias, String cteName, ReferenceData.LookupMap map, Expr key, Expr wildcardKey,
                  String wildcardAlias, String mappingRef) {
    }

    record Edge(String leftAlias, String leftColumn, String rightAlias, String rightColumn, boolean left, String ref) {
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

    private String ctePrefix = "";

    /** Plans a target; several source systems feeding one target become UNION ALL branches. */
    static LayerPlan planTarget(MappingSpec spec, SchemaCatalog catalog, String target, List<MappingRow> rows,
                                List<Diagnostic> diagnostics) {
        List<String> systems = rows.stream().map(MappingRow::sourceSystem).filter(s -> s != null && !s.isBlank())
                .map(String::trim).distinct().toList();
        if (systems.size() < 2) {
            LayerPlanner p = new LayerPlanner(spec, catalog, target, rows);
            LayerPlan plan = p.plan();
            diagnostics.addAll(p.diagnostics());
            return plan;
        }
        List<LayerPlan> parts = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            String system = systems.get(i);
            List<MappingRow> branchRows = rows.stream().filter(r -> r.sourceSystem() == null || r.sourceSystem().isBlank()
                    || r.sourceSystem().trim().equals(system)).toList();
            LayerPlanner p = new LayerPlanner(spec, catalog, target, branchRows);
            p.ctePrefix = i == 0 ? "" : safeName(system) + "_";
            parts.add(p.plan());
            diagnostics.addAll(p.diagnostics());
        }
        return union(target, systems, parts, rows);
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

    LayerPlanner(MappingSpec spec, SchemaCatalog catalog, String target, List<MappingRow> rows) {
        this.spec = spec;
        this.catalog = catalog;
        this.references = new ReferenceData(spec.referenceTables());
        this.target = target;
        this.rows = rows;
        for (MappingRow r : rows) {
            if (r.targetColumn() == null || r.targetColumn().isBlank()) {
                continue;
            }
            rowsByColumn.computeIfAbsent(r.targetColumn().trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
        }
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    LayerPlan plan() {
        for (MappingRow r : rows) {
            for (SourceRef s : r.sourceColumns()) {
                tableOf(r, s);
            }
            if (r.sourceColumns().isEmpty() && r.sourceTable() != null && !r.sourceTable().isBlank()) {
                tableFor(r.sourceSystem(), r.sourceTable(), List.of());
            }
        }
        readJoins();
        List<Compiled> columns = new ArrayList<>();
        for (String key : rowsByColumn.keySet()) {
            columns.add(compileColumn(key));
        }
        return assemble(columns);
    }

    // ---------------------------------------------------------------- tables

    private Table tableOf(MappingRow row, SourceRef ref) {
        String name = ref.table() != null && !ref.table().isBlank() ? ref.table() : row.sourceTable();
        String system = ref.system() != null && !ref.system().isBlank() ? ref.system() : row.sourceSystem();
        return tableFor(system, name, List.of(ref.column()));
    }

    private Table tableFor(String system, String name, List<String> columns) {
        String resolvedSchema = system == null || system.isBlank() ? null : system.trim();
        String resolvedName = name == null || name.isBlank() ? null : name.trim();
        if (catalog != null && !catalog.tables().isEmpty()) {
            Optional<SchemaCatalog.Table> t = resolvedName == null ? Optional.empty() : catalog.table(resolvedSchema, resolvedName);
            if (t.isEmpty()) {
                t = tableContaining(columns, resolvedSchema);
                if (t.isPresent() && resolvedName != null) {
                    diagnostics.add(new Diagnostic(Diagnostic.INFO, "source_table_resolved_by_columns",
                            "source table '" + resolvedName + "' is not registered; its columns were found in '"
                                    + t.get().name() + "', which the view reads instead", null, null));
                }
            }
            if (t.isPresent()) {
                resolvedSchema = t.get().schema();
                resolvedName = t.get().name();
            }
        }
        if (resolvedName == null) {
            resolvedName = PLACEHOLDER_TABLE;
        }
        String key = ((resolvedSchema == null ? "" : resolvedSchema + ".") + resolvedName).toLowerCase(Locale.ROOT);
        Table existing = tables.get(key);
        if (existing != null) {
            return existing;
        }
        String alias = resolvedName;
        String finalName = resolvedName;
        if (tables.values().stream().anyMatch(t -> t.alias().equalsIgnoreCase(finalName))) {
            alias = (resolvedSchema == null ? "t" + tables.size() : resolvedSchema) + "_" + resolvedName;
        }
        Table t = new Table(resolvedSchema, resolvedName, alias);
        tables.put(key, t);
        if (PLACEHOLDER_TABLE.equals(resolvedName) && (catalog == null || catalog.table(PLACEHOLDER_TABLE).isEmpty())) {
            diagnostics.add(new Diagnostic(Diagnostic.WARNING, "source_table_missing",
                    "target " + target + ": the mapping names no source table; the view reads from '" + PLACEHOLDER_TABLE
                            + "'. Register the source or add a source table column.", null, null));
        }
        return t;
    }

    private Optional<SchemaCatalog.Table> tableContaining(List<String> columns, String schema) {
        List<SchemaCatalog.Table> candidates = catalog.tables().stream()
                .filter(t -> schema == null || t.schema() == null || schema.equalsIgnoreCase(t.schema())).toList();
        if (columns.isEmpty() || columns.stream().allMatch(Objects::isNull)) {
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        List<SchemaCatalog.Table> containing = candidates.stream()
                .filter(t -> columns.stream().filter(Objects::nonNull).allMatch(c -> t.column(c).isPresent()
                        || splitComposite(c).stream().allMatch(p -> t.column(p).isPresent()))).toList();
        if (containing.size() == 1) {
            return Optional.of(containing.get(0));
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private Table findTable(String qualifier) {
        if (qualifier == null) {
            return null;
        }
        String q = unquote(qualifier).toLowerCase(Locale.ROOT);
        for (Table t : tables.values()) {
            if (t.name().equalsIgnoreCase(q) || t.alias().equalsIgnoreCase(q)
                    || (t.schema() != null && (t.schema() + "." + t.name()).equalsIgnoreCase(q))) {
                return t;
            }
        }
        if (catalog != null) {
            Optional<SchemaCatalog.Table> c = catalog.table(q);
            if (c.isPresent()) {
                return tableFor(c.get().schema(), c.get().name(), List.of());
            }
        }
        boolean named = spec.rows().stream().anyMatch(r -> q.equalsIgnoreCase(r.sourceTable())
                || r.sourceColumns().stream().anyMatch(s -> q.equalsIgnoreCase(s.table())));
        return named ? tableFor(null, qualifier, List.of()) : null;
    }

    private boolean catalogKnows(Table t) {
        return catalog != null && catalog.table(t.schema(), t.name()).isPresent();
    }

    private boolean hasColumn(Table t, String column) {
        return catalog != null && catalog.table(t.schema(), t.name()).flatMap(x -> x.column(column)).isPresent();
    }

    private String canonicalColumn(Table t, String column) {
        if (catalog == null) {
            return column;
        }
        return catalog.table(t.schema(), t.name()).flatMap(x -> x.column(column)).map(SchemaCatalog.Column::name).orElse(column);
    }

    private static List<String> splitComposite(String column) {
        if (column == null) {
            return List.of();
        }
        return List.of(column.split("\\s*\\+\\s*"));
    }

    // ---------------------------------------------------------------- joins

    private void readJoins() {
        for (MappingRow r : rows) {
            if (r.join() == null || r.join().isBlank()) {
                continue;
            }
            String text = r.join();
            String lower = text.toLowerCase(Locale.ROOT);
            boolean rowLeft = leftText(lower) || leftText(String.valueOf(r.nullHandling()).toLowerCase(Locale.ROOT));
            Matcher m = EQUALITY.matcher(text);
            boolean found = false;
            Map<String, String> aliases = declaredAliases(text);
            for (String part : text.split(";|\\band\\b|\\n")) {
                Matcher pm = EQUALITY.matcher(part);
                if (pm.find()) {
                    found = true;
                    Table a = findTable(aliases.getOrDefault(unquote(pm.group(1)).toLowerCase(Locale.ROOT), pm.group(1)));
                    Table b = findTable(aliases.getOrDefault(unquote(pm.group(3)).toLowerCase(Locale.ROOT), pm.group(3)));
                    if (a == null || b == null) {
                        diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_table_unknown",
                                "join '" + part.trim() + "' names a table that is not a source of the mapping", null, r.ref()));
                        continue;
                    }
                    boolean left = rowLeft || leftText(part.toLowerCase(Locale.ROOT));
                    addEdge(new Edge(a.alias(), canonicalColumn(a, unquote(pm.group(2))), b.alias(),
                            canonicalColumn(b, unquote(pm.group(4))), left, r.ref()));
                }
            }
            Matcher shared = found ? null : JOIN_ON_SHARED_COLUMN.matcher(text);
            if (shared != null && shared.matches()) {
                found = true;
                Table joined = findTable(shared.group(1));
                Table base = tables.values().stream().filter(t -> t != joined).findFirst().orElse(null);
                String column = shared.group(2);
                if (joined == null || base == null || catalogKnows(joined) && !hasColumn(joined, column)
                        || catalogKnows(base) && !hasColumn(base, column)) {
                    diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_not_understood", "cannot tell how \""
                            + text.trim() + "\" joins: write the condition (a.x = b.y)", null, r.ref()));
                } else {
                    addEdge(new Edge(joined.alias(), canonicalColumn(joined, column), base.alias(),
                            canonicalColumn(base, column), rowLeft, r.ref()));
                }
            }
            if (!found) {
                Matcher chain = CHAIN.matcher(text);
                if (chain.find() && (text.contains("->") || text.contains("→") || text.contains(">"))) {
                    String[] names = chain.group().split("\\s*(?:->|→|=>|>)\\s*");
                    for (int i = 0; i + 1 < names.length; i++) {
                        Table a = findTable(names[i]);
                        Table b = findTable(names[i + 1]);
                        Edge e = a == null || b == null ? null : edgeFromKeys(a, b, rowLeft, r.ref());
                        if (e == null) {
                            diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_not_understood",
                                    "cannot tell how " + names[i] + " joins " + names[i + 1]
                                            + ": register foreign keys or write the condition (a.x = b.y)", null, r.ref()));
                        } else {
                            addEdge(e);
                        }
                    }
                } else if (m.find()) {
                    found = true;
                } else {
                    diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_not_understood",
                            "join text not understood: \"" + text + "\"", null, r.ref()));
                }
            }
        }
        if (catalog != null) {
            for (Table t : new ArrayList<>(tables.values())) {
                catalog.table(t.schema(), t.name()).ifPresent(ct -> {
                    for (SchemaCatalog.ForeignKey fk : ct.foreignKeys()) {
                        Table ref = tables.values().stream().filter(x -> references(fk, x.schema(), x.name()))
                                .findFirst().orElse(null);
                        if (ref != null && fk.columns().size() == 1 && fk.referencedColumns().size() == 1) {
                            addEdge(new Edge(t.alias(), fk.columns().get(0), ref.alias(), fk.referencedColumns().get(0),
                                    false, null));
                        }
                    }
                });
            }
        }
    }

    /**
     * Alias -> table name: the aliases the text declares, and an undeclared short alias (o, oi) that abbreviates
     * exactly one source table of the layer.
     */
    private Map<String, String> declaredAliases(String text) {
        Map<String, String> out = new HashMap<>();
        Matcher d = ALIAS_DECLARATION.matcher(text);
        while (d.find()) {
            if (d.group(2) != null) {
                out.put(d.group(2).toLowerCase(Locale.ROOT), d.group(1));
            }
        }
        Matcher q = EQUALITY.matcher(text);
        while (q.find()) {
            for (String qualifier : List.of(unquote(q.group(1)), unquote(q.group(3)))) {
                String k = qualifier.toLowerCase(Locale.ROOT);
                if (k.length() > 3 || out.containsKey(k) || findTable(qualifier) != null) {
                    continue;
                }
                List<String> named = sourceTableNames().stream().filter(n -> abbreviates(k, n)).toList();
                if (named.size() == 1) {
                    out.put(k, named.get(0));
                }
            }
        }
        return out;
    }

    private List<String> sourceTableNames() {
        Set<String> names = new LinkedHashSet<>();
        for (MappingRow r : spec.rows()) {
            if (r.sourceTable() != null && !r.sourceTable().isBlank()) {
                names.add(r.sourceTable().trim());
            }
            r.sourceColumns().stream().map(SourceRef::table).filter(t -> t != null && !t.isBlank()).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** o abbreviates orders, oi abbreviates order_items (first letters of its words). */
    private static boolean abbreviates(String alias, String table) {
        String t = table.toLowerCase(Locale.ROOT);
        String base = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
        StringBuilder initials = new StringBuilder();
        for (String w : base.split("_+")) {
            if (!w.isEmpty()) {
                initials.append(w.charAt(0));
            }
        }
        return initials.toString().equals(alias) || alias.length() == 1 && base.startsWith(alias) && !base.contains("_");
    }

    private static boolean leftText(String lower) {
        return lower.transform(Rx.m(".*\\b(left|outer)\\b.*|.*\\bwithout (a )?match.*|.*\\bkeep(s)? (all|rows).*|.*\\beven if\\b.*|.*\\bif (any|exists)\\b.*"));
    }

    private void addEdge(Edge e) {
        boolean dup = edges.stream().anyMatch(x -> sameEdge(x, e));
        if (!dup) {
            edges.add(e);
        } else if (e.left()) {
            edges.replaceAll(x -> sameEdge(x, e) ? new Edge(x.leftAlias(), x.leftColumn(), x.rightAlias(), x.rightColumn(), true, x.ref()) : x);
        }
    }

    private static boolean sameEdge(Edge a, Edge b) {
        return (a.leftAlias().equalsIgnoreCase(b.leftAlias()) && a.rightAlias().equalsIgnoreCase(b.rightAlias())
                && a.leftColumn().equalsIgnoreCase(b.leftColumn()) && a.rightColumn().equalsIgnoreCase(b.rightColumn()))
                || (a.leftAlias().equalsIgnoreCase(b.rightAlias()) && a.rightAlias().equalsIgnoreCase(b.leftAlias())
                && a.leftColumn().equalsIgnoreCase(b.rightColumn()) && a.rightColumn().equalsIgnoreCase(b.leftColumn()));
    }

    /** A foreign key names its table bare or schema-qualified (as a database with several schemas reports it). */
    private static boolean references(SchemaCatalog.ForeignKey fk, String schema, String name) {
        String referenced = fk.referencedTable();
        return referenced.equalsIgnoreCase(name) || schema != null && referenced.equalsIgnoreCase(schema + "." + name);
    }

    /** A join between two tables from the registered keys, or by the naming convention table_id / TableId. */
    private Edge edgeFromKeys(Table a, Table b, boolean left, String ref) {
        if (catalog != null) {
            Optional<SchemaCatalog.Table> ca = catalog.table(a.schema(), a.name());
            Optional<SchemaCatalog.Table> cb = catalog.table(b.schema(), b.name());
            for (var pair : List.of(List.of(ca, cb), List.of(cb, ca))) {
                if (pair.get(0).isEmpty() || pair.get(1).isEmpty()) {
                    continue;
                }
                for (SchemaCatalog.ForeignKey fk : pair.get(0).get().foreignKeys()) {
                    if (references(fk, pair.get(1).get().schema(), pair.get(1).get().name()) && fk.columns().size() == 1) {
                        Table from = pair.get(0) == ca ? a : b;
                        Table to = pair.get(0) == ca ? b : a;
                        return new Edge(from.alias(), fk.columns().get(0), to.alias(), fk.referencedColumns().get(0), left, ref);
                    }
                }
            }
            for (var pair : List.of(List.of(a, b), List.of(b, a))) {
                Table child = pair.get(0);
                Table parent = pair.get(1);
                Optional<SchemaCatalog.Table> cp = catalog.table(parent.schema(), parent.name());
                if (cp.isEmpty()) {
                    continue;
                }
                List<String> pk = cp.get().primaryKey();
                String pkCol = pk.size() == 1 ? pk.get(0) : cp.get().column(parent.name() + "Id")
                        .or(() -> cp.get().column(parent.name() + "_id")).map(SchemaCatalog.Column::name).orElse(null);
                if (pkCol != null && hasColumn(child, pkCol)) {
                    return new Edge(child.alias(), canonicalColumn(child, pkCol), parent.alias(), pkCol, left, ref);
                }
            }
        }
        return null;
    }

    /** Shortest join path from one relation to another, as a list of edges oriented from -> to. */
    private List<Edge> path(String from, String to) {
        if (from.equalsIgnoreCase(to)) {
            return List.of();
        }
        Map<String, Edge> cameBy = new HashMap<>();
        Map<String, String> prev = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from.toLowerCase(Locale.ROOT));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String cur = queue.poll();
            for (Edge e : edges) {
                Edge oriented = null;
                if (e.leftAlias().equalsIgnoreCase(cur)) {
                    oriented = e;
                } else if (e.rightAlias().equalsIgnoreCase(cur)) {
                    oriented = new Edge(e.rightAlias(), e.rightColumn(), e.leftAlias(), e.leftColumn(), e.left(), e.ref());
                }
                if (oriented == null) {
                    continue;
                }
                String next = oriented.rightAlias().toLowerCase(Locale.ROOT);
                if (seen.add(next)) {
                    cameBy.put(next, oriented);
                    prev.put(next, cur);
                    if (next.equalsIgnoreCase(to)) {
                        List<Edge> out = new ArrayList<>();
                        String n = next;
                        while (cameBy.containsKey(n)) {
                            out.add(0, cameBy.get(n));
                            n = prev.get(n);
                        }
                        return out;
                    }
                    queue.add(next);
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- columns

    private Compiled compileColumn(String key) {
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
            String missing = missingSource(r);
            RuleOutcome o = missing != null ? RuleOutcome.flagged(missing) : ruleCompiler.compile(contextFor(r, type));
            if (o.isFlagged() && o.flagReason().startsWith("dataset-level")) {
                diagnostics.add(new Diagnostic(Diagnostic.INFO, "dataset_level_rule",
                        "not a column rule, not applied: " + r.transformation(), null, r.ref()));
                continue;
            }
            outcomes.add(o);
            used.add(r);
        }
        RuleOutcome outcome = merge(outcomes, used);
        Expr expr = outcome.isFlagged() ? null : coerce(outcome.expr(), type);
        Compiled c = new Compiled(first.targetColumn().trim(), type, used.isEmpty() ? colRows : used, outcome, expr);
        compiled.put(key, c);
        compiling.remove(key);
        return c;
    }

    /** With a registered schema, a source column it does not have makes the rule uncompilable (instead of failing SQL). */
    private String missingSource(MappingRow row) {
        if (catalog == null || catalog.tables().isEmpty()) {
            return null;
        }
        for (SourceRef s : row.sourceColumns()) {
            if (s.column() == null || s.column().isBlank()) {
                continue;
            }
            Table t = tableOf(row, s);
            if (!catalogKnows(t)) {
                return "source column " + s.column().trim() + " of table " + t.name()
                        + " is in none of the registered source tables";
            }
            String col = s.column().trim();
            if (!hasColumn(t, col) && !(col.contains("+") && splitComposite(col).stream().allMatch(p -> hasColumn(t, p)))) {
                return "source column " + col + " is not in " + t.name();
            }
        }
        return null;
    }

    private RuleOutcome merge(List<RuleOutcome> outcomes, List<MappingRow> used) {
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
                    outcomes.get(0).lookupTable(), outcomes.stream().anyMatch(RuleOutcome::leftJoinHint), List.of());
        }
        return RuleOutcome.flagged(used.size() + " rows (" + used.stream().map(MappingRow::ref).collect(Collectors.joining(", "))
                + ") define this column differently and the document does not say how they combine");
    }

    private RuleContext contextFor(MappingRow row, SqlType type) {
        List<Expr.Col> sources = new ArrayList<>();
        for (SourceRef s : row.sourceColumns()) {
            if (s.column() == null || s.column().isBlank()) {
                continue;
            }
            Table t = tableOf(row, s);
            String col = s.column().trim();
            if (catalogKnows(t) && !hasColumn(t, col) && col.contains("+")) {
                for (String part : splitComposite(col)) {
                    sources.add(new Expr.Col(t.alias(), canonicalColumn(t, part)));
                }
            } else {
                sources.add(new Expr.Col(t.alias(), canonicalColumn(t, col)));
            }
        }
        return new RuleContext() {
            @Override
            public MappingRow row() {
                return row;
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
                return resolveName(row, sources, qualifier, name);
            }

            @Override
            public SqlType typeOf(Expr.Col column) {
                return columnType(column);
            }

            @Override
            public ReferenceData references() {
                return references;
            }

            @Override
            public Expr lookup(ReferenceData.LookupMap map, List<Expr> keyParts, String separator) {
                return addLookup(map, keyParts, separator, row.ref());
            }

            @Override
            public boolean known(Expr.Col column) {
                return !assumed.contains(column);
            }
        };
    }

    private Expr resolveName(MappingRow row, List<Expr.Col> sources, String qualifier, String rawName) {
        String name = unquote(rawName);
        if (qualifier != null) {
            String q = unquote(qualifier);
            if (q.equalsIgnoreCase(target)) {
                return targetColumn(row, name);
            }
            Table t = findTable(q);
            if (t == null && catalog == null && row.sourceTable() == null && row.sourceColumns().isEmpty()) {
                // a row that names no source reads the table its rule names (ADSL.SITEID), when no schema says otherwise
                t = tableFor(null, q, List.of(name));
            }
            if (t != null) {
                if (catalogKnows(t) && !hasColumn(t, name)) {
                    return null;
                }
                return new Expr.Col(t.alias(), canonicalColumn(t, name));
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
        Table own = sources.isEmpty() ? null : tables.values().stream()
                .filter(t -> t.alias().equals(sources.get(0).relation())).findFirst().orElse(null);
        if (own == null && row.sourceTable() != null) {
            own = findTable(row.sourceTable());
        }
        if (own != null && hasColumn(own, name)) {
            return new Expr.Col(own.alias(), canonicalColumn(own, name));
        }
        if (!name.equalsIgnoreCase(row.targetColumn()) && rowsByColumn.containsKey(name.toLowerCase(Locale.ROOT))) {
            return targetColumn(row, name);
        }
        List<Table> withColumn = tables.values().stream().filter(t -> hasColumn(t, name)).toList();
        if (withColumn.size() == 1) {
            return new Expr.Col(withColumn.get(0).alias(), canonicalColumn(withColumn.get(0), name));
        }
        for (MappingRow other : rows) {
            for (SourceRef s : other.sourceColumns()) {
                if (name.equalsIgnoreCase(s.column())) {
                    Table t = tableOf(other, s);
                    return new Expr.Col(t.alias(), s.column().trim());
                }
            }
        }
        Optional<String> param = references.scalar(name);
        if (param.isPresent()) {
            return parameter(name, param.get());
        }
        if (own != null && !catalogKnows(own) && name.transform(Rx.m("[A-Za-z_][A-Za-z0-9_]*"))) {
            Expr.Col c = new Expr.Col(own.alias(), name);
            assumed.add(c);
            return c;
        }
        return null;
    }

    /**
     * A filter reads source rows before projection, so an unqualified name that the mapping uses as a source column
     * means that source column, even when a target column of the same name transforms it.
     */
    private Expr resolveFilterName(MappingRow row, String qualifier, String rawName) {
        if (qualifier == null) {
            String name = unquote(rawName);
            String own = row.sourceTable() == null ? null : row.sourceTable().trim();
            List<Table> mentioning = tables.values().stream().filter(t -> mentionedAsSource(t, name)).toList();
            Table chosen = mentioning.stream().filter(t -> own != null && t.name().equalsIgnoreCase(own)).findFirst()
                    .orElse(mentioning.size() == 1 ? mentioning.get(0) : null);
            if (chosen != null) {
                return new Expr.Col(chosen.alias(), canonicalColumn(chosen, name));
            }
        }
        return resolveName(row, List.of(), qualifier, rawName);
    }

    private boolean mentionedAsSource(Table t, String column) {
        for (MappingRow r : rows) {
            for (SourceRef s : r.sourceColumns()) {
                String table = s.table() != null && !s.table().isBlank() ? s.table() : r.sourceTable();
                if (column.equalsIgnoreCase(s.column() == null ? null : s.column().trim())
                        && table != null && table.trim().equalsIgnoreCase(t.name())) {
                    return true;
                }
            }
        }
        return hasColumn(t, column);
    }

    private Expr targetColumn(MappingRow row, String name) {
        if (name.equalsIgnoreCase(row.targetColumn())) {
            return null;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (!rowsByColumn.containsKey(key)) {
            return null;
        }
        Compiled c = compileColumn(key);
        if (c.flagged() || c.expr() == null || Expr.hasAggregate(c.expr())) {
            return null;
        }
        return c.outcome().defaultValue() == null ? c.expr()
                : new Expr.Fn("COALESCE", List.of(c.expr(), c.outcome().defaultValue()));
    }

    private Expr parameter(String name, String value) {
        Expr.Lit lit;
        String v = value.trim();
        if (v.transform(Rx.m("-?\\d+"))) {
            lit = new Expr.Lit(Long.parseLong(v));
        } else if (v.transform(Rx.m("-?\\d+\\.\\d+"))) {
            lit = new Expr.Lit(new java.math.BigDecimal(v));
        } else {
            lit = new Expr.Lit(v);
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("year")) {
            unitHints.put(lit, "YEAR");
        } else if (n.contains("month")) {
            unitHints.put(lit, "MONTH");
        } else if (n.contains("day")) {
            unitHints.put(lit, "DAY");
        }
        return lit;
    }

    private Expr addLookup(ReferenceData.LookupMap map, List<Expr> keyParts, String separator, String ref) {
        String cte = "ref_" + safeName(map.name());
        String alias = "lk_" + safeName(map.name()) + "_" + (lookups.size() + 1);
        Expr key;
        Expr wildcard = null;
        if (keyParts.size() == 1) {
            key = keyParts.get(0);
        } else {
            List<Expr> parts = new ArrayList<>();
            for (int i = 0; i < keyParts.size(); i++) {
                if (i > 0) {
                    parts.add(new Expr.Lit(separator));
                }
                parts.add(keyParts.get(i));
            }
            key = new Expr.Concat(parts);
            boolean hasWildcard = map.entries().keySet().stream().anyMatch(k -> k.endsWith(separator + "*"));
            if (hasWildcard) {
                List<Expr> wparts = new ArrayList<>(parts.subList(0, parts.size() - 1));
                wparts.add(new Expr.Lit("*"));
                wildcard = new Expr.Concat(wparts);
            }
        }
        Lookup l = new Lookup(alias, cte, map, key, wildcard, wildcard == null ? null : alias + "_any", ref);
        lookups.add(l);
        Expr exact = new Expr.Col(alias, "value");
        return wildcard == null ? exact : new Expr.Fn("COALESCE", List.of(exact, new Expr.Col(l.wildcardAlias(), "value")));
    }

    private static String safeName(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return n.isEmpty() ? "x" : n;
    }

    private SqlType columnType(Expr.Col c) {
        for (Table t : tables.values()) {
            if (t.alias().equals(c.relation()) && catalog != null) {
                return catalog.table(t.schema(), t.name()).flatMap(x -> x.column(c.column()))
                        .map(col -> SqlType.parse(col.type())).orElse(SqlType.UNKNOWN);
            }
        }
        return c.relation() != null && c.relation().startsWith("lk_") ? SqlType.VARCHAR : SqlType.UNKNOWN;
    }

    // ---------------------------------------------------------------- typing

    /** Inserts the casts text sources need (arithmetic, date arithmetic, comparisons) and the cast to the target type. */
    Expr coerce(Expr e, SqlType target) {
        Expr typed = typeFix(e, target);
        return castToTarget(typed, target);
    }

    private Expr castToTarget(Expr e, SqlType target) {
        if (!target.known()) {
            return e;
        }
        SqlType actual = infer(e);
        if (e instanceof Expr.TypedNull) {
            return new Expr.TypedNull(target);
        }
        if (actual.kind() == target.kind() && (target.kind() != SqlType.Kind.DECIMAL
                || (Objects.equals(actual.precision(), target.precision()) && Objects.equals(actual.scale(), target.scale())))) {
            return e;
        }
        if (target.kind() == SqlType.Kind.VARCHAR && (actual.kind() == SqlType.Kind.VARCHAR || actual.kind() == SqlType.Kind.UNKNOWN)) {
            return e;
        }
        if (e instanceof Expr.Cast c && c.type().kind() == target.kind()) {
            return new Expr.Cast(c.expr(), target, c.safe());
        }
        boolean text = actual.kind() == SqlType.Kind.VARCHAR || actual.kind() == SqlType.Kind.UNKNOWN;
        return new Expr.Cast(e, target, text);
    }

    private Expr typeFix(Expr e, SqlType target) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.Bin b) {
            Expr l = typeFix(b.left(), Set.of("+", "-").contains(b.op()) ? target : null);
            Expr r = typeFix(b.right(), null);
            String op = b.op();
            if (Set.of("+", "-", "*", "/", "%").contains(op)) {
                SqlType lt = infer(l);
                SqlType rt = infer(r);
                if ((op.equals("+") || op.equals("-")) && target != null && target.temporal() && textual(lt)
                        && !(l instanceof Expr.Lit) && rt.numeric()) {
                    l = new Expr.Cast(l, SqlType.DATE, true);
                    lt = SqlType.DATE;
                }
                if ((op.equals("+") || op.equals("-")) && lt.temporal() && (rt.numeric() || rt.kind() == SqlType.Kind.UNKNOWN)) {
                    String unit = r instanceof Expr.Lit lit && unitHints.containsKey(lit) ? unitHints.get(lit) : "DAY";
                    return new Expr.DateAdd(l, op.equals("-") ? new Expr.Neg(r) : r, unit);
                }
                if (op.equals("-") && lt.temporal() && rt.temporal()) {
                    return new Expr.DateDiff(r, l);
                }
                if (op.equals("+") && textual(lt) && textual(rt) && (textLiteral(l) || textLiteral(r)
                        || l instanceof Expr.Concat || r instanceof Expr.Concat)) {
                    // "first_name + ' ' + last_name": + with a text literal joins text
                    List<Expr> parts = new ArrayList<>();
                    for (Expr x : List.of(l, r)) {
                        if (x instanceof Expr.Concat c) {
                            parts.addAll(c.parts());
                        } else {
                            parts.add(x);
                        }
                    }
                    return new Expr.Concat(parts);
                }
                if (op.equals("/") && integral(lt) && (integral(rt) || rt.kind() == SqlType.Kind.UNKNOWN)) {
                    // "amount / 100" means a division; PostgreSQL and ANSI would truncate two integers
                    return new Expr.Bin(op, new Expr.Cast(l, SqlType.DOUBLE, false), numericOperand(r));
                }
                return new Expr.Bin(op, numericOperand(l), numericOperand(r));
            }
            if (Set.of("=", "<>", "<", ">", "<=", ">=").contains(op)) {
                SqlType lt = infer(l);
                SqlType rt = infer(r);
                if (textual(lt) && rt.numeric() && !(l instanceof Expr.Lit)) {
                    l = new Expr.Cast(l, SqlType.DOUBLE, true);
                } else if (textual(rt) && lt.numeric() && !(r instanceof Expr.Lit)) {
                    r = new Expr.Cast(r, SqlType.DOUBLE, true);
                } else if (textual(lt) && rt.temporal()) {
                    l = new Expr.Cast(l, rt, true);
                } else if (textual(rt) && lt.temporal()) {
                    r = new Expr.Cast(r, lt, true);
                }
            }
            return new Expr.Bin(op, l, r);
        }
        if (e instanceof Expr.Agg a) {
            Expr arg = typeFix(a.arg(), null);
            if (arg != null && (a.fn().equals("SUM") || a.fn().equals("AVG"))) {
                arg = numericOperand(arg);
            } else if (arg != null && (a.fn().equals("MIN") || a.fn().equals("MAX")) && target != null
                    && (target.numeric() || target.temporal()) && textual(infer(arg))) {
                arg = castArg(arg, target);
            }
            return new Expr.Agg(a.fn(), arg, a.distinct());
        }
        if (e instanceof Expr.DateAdd d) {
            Expr base = typeFix(d.expr(), null);
            if (!infer(base).temporal()) {
                base = new Expr.Cast(base, SqlType.DATE, true);
            }
            return new Expr.DateAdd(base, numericOperand(typeFix(d.amount(), null)), d.unit());
        }
        if (e instanceof Expr.Case c) {
            List<Expr.When> whens = c.whens().stream().map(w -> new Expr.When(typeFix(w.condition(), null),
                    typeFix(w.result(), target))).toList();
            return new Expr.Case(whens, typeFix(c.otherwise(), target));
        }
        if (e instanceof Expr.DateDiff dd) {
            return new Expr.DateDiff(temporalOperand(typeFix(dd.start(), null)), temporalOperand(typeFix(dd.end(), null)));
        }
        if (e instanceof Expr.Extract x) {
            return new Expr.Extract(x.part(), temporalOperand(typeFix(x.expr(), null)));
        }
        if (e instanceof Expr.LastDay l) {
            return new Expr.LastDay(temporalOperand(typeFix(l.expr(), null)));
        }
        if (e instanceof Expr.FormatDate f) {
            Expr x = typeFix(f.expr(), null);
            // BigQuery formats a DATE with FORMAT_DATE and a TIMESTAMP with FORMAT_TIMESTAMP: the value must be the kind the pattern needs
            SqlType needed = f.strftime().matches(".*%[HMS].*") ? SqlType.TIMESTAMP : SqlType.DATE;
            SqlType actual = infer(x);
            if (actual.kind() != needed.kind()) {
                x = new Expr.Cast(x, needed, textual(actual));
            }
            return new Expr.FormatDate(x, f.strftime());
        }
        if (e instanceof Expr.EpochSeconds es) {
            return new Expr.EpochSeconds(numericOperand(typeFix(es.expr(), null)));
        }
        if (e instanceof Expr.Fn f && Set.of("ABS", "FLOOR", "CEIL", "SIGN", "SQRT").contains(f.name().toUpperCase(Locale.ROOT))
                && f.args().size() == 1) {
            return new Expr.Fn(f.name(), List.of(numericOperand(typeFix(f.args().get(0), null))));
        }
        if (e instanceof Expr.Fn f && Set.of("LENGTH", "MD5", "LPAD", "RPAD", "LTRIM", "RTRIM", "REPLACE", "UPPER", "LOWER", "TRIM")
                .contains(f.name().toUpperCase(Locale.ROOT)) && !f.args().isEmpty()) {
            List<Expr> args = new ArrayList<>(f.args().stream().map(x -> typeFix(x, null)).toList());
            SqlType t = infer(args.get(0));
            if (!textual(t)) {
                args.set(0, new Expr.Cast(args.get(0), SqlType.VARCHAR, false));
            }
            return new Expr.Fn(f.name(), args);
        }
        if (e instanceof Expr.Fn f && f.name().equalsIgnoreCase("ROUND")) {
            List<Expr> args = new ArrayList<>(f.args().stream().map(x -> typeFix(x, null)).toList());
            args.set(0, numericOperand(args.get(0)));
            return new Expr.Fn(f.name(), args);
        }
        if (e instanceof Expr.Concat c) {
            return new Expr.Concat(c.parts().stream().map(p -> {
                Expr x = typeFix(p, null);
                SqlType t = infer(x);
                return t.kind() == SqlType.Kind.VARCHAR || t.kind() == SqlType.Kind.UNKNOWN ? x : new Expr.Cast(x, SqlType.VARCHAR, false);
            }).toList());
        }
        return Expr.mapColumns(e, col -> col) == e ? e : e;
    }

    private static boolean textLiteral(Expr e) {
        return e instanceof Expr.Lit l && l.value() instanceof String v && !v.trim().matches("[-+]?\\d+(\\.\\d+)?");
    }

        private static boolean textual(SqlType t) {
        return t.kind() == SqlType.Kind.VARCHAR || t.kind() == SqlType.Kind.UNKNOWN;
    }

    private Expr castArg(Expr arg, SqlType target) {
        if (target.temporal() || target.kind() == SqlType.Kind.DECIMAL || target.numeric()) {
            return new Expr.Cast(arg, target.kind() == SqlType.Kind.DECIMAL || target.numeric() ? SqlType.DOUBLE : target, true);
        }
        return arg;
    }

    private static boolean integral(SqlType t) {
        return t.kind() == SqlType.Kind.INTEGER || t.kind() == SqlType.Kind.BIGINT;
    }

    /** Text read as a date (ISO text; NULL when it is not one) where a date function needs a date. */
    private Expr temporalOperand(Expr e) {
        SqlType t = infer(e);
        if (t.temporal()) {
            return e;
        }
        return new Expr.Cast(e, SqlType.DATE, true);
    }

    private Expr numericOperand(Expr e) {
        SqlType t = infer(e);
        if (t.numeric()) {
            return e;
        }
        if (e instanceof Expr.Case || e instanceof Expr.Lit) {
            return e;
        }
        return new Expr.Cast(e, SqlType.DOUBLE, true);
    }

    SqlType infer(Expr e) {
        if (e == null) {
            return SqlType.UNKNOWN;
        }
        if (e instanceof Expr.Col c) {
            return columnType(c);
        }
        if (e instanceof Expr.Lit l) {
            Object v = l.value();
            return v instanceof Long ? SqlType.BIGINT : v instanceof java.math.BigDecimal ? SqlType.DOUBLE
                    : v instanceof Boolean ? SqlType.BOOLEAN : SqlType.VARCHAR;
        }
        if (e instanceof Expr.TypedNull t) {
            return t.type();
        }
        if (e instanceof Expr.Cast c) {
            return c.type();
        }
        if (e instanceof Expr.ParseDate p) {
            return p.timestamp() ? SqlType.TIMESTAMP : SqlType.DATE;
        }
        if (e instanceof Expr.DateAdd) {
            return SqlType.DATE;
        }
        if (e instanceof Expr.DateDiff || e instanceof Expr.Extract) {
            return SqlType.BIGINT;
        }
        if (e instanceof Expr.Bin b) {
            if (Set.of("+", "-", "*", "/", "%").contains(b.op())) {
                SqlType l = infer(b.left());
                SqlType r = infer(b.right());
                if (b.op().equals("/") || l.kind() == SqlType.Kind.DOUBLE || r.kind() == SqlType.Kind.DOUBLE
                        || l.kind() == SqlType.Kind.DECIMAL || r.kind() == SqlType.Kind.DECIMAL) {
                    return SqlType.DOUBLE;
                }
                return l.numeric() && r.numeric() ? SqlType.BIGINT : SqlType.DOUBLE;
            }
            return SqlType.BOOLEAN;
        }
        if (e instanceof Expr.Not || e instanceof Expr.InList || e instanceof Expr.IsNull || e instanceof Expr.IsNumeric) {
            return SqlType.BOOLEAN;
        }
        if (e instanceof Expr.Neg n) {
            return infer(n.expr());
        }
        if (e instanceof Expr.Agg a) {
            if (a.fn().equals("COUNT")) {
                return SqlType.BIGINT;
            }
            SqlType t = infer(a.arg());
            return a.fn().equals("AVG") ? SqlType.DOUBLE : t;
        }
        if (e instanceof Expr.Case c) {
            for (Expr.When w : c.whens()) {
                SqlType t = infer(w.result());
                if (!(w.result() instanceof Expr.TypedNull) && t.known()) {
                    return t;
                }
            }
            return c.otherwise() == null ? SqlType.UNKNOWN : infer(c.otherwise());
        }
        if (e instanceof Expr.Concat || e instanceof Expr.Substr) {
            return SqlType.VARCHAR;
        }
        if (e instanceof Expr.Fn f) {
            String n = f.name().toUpperCase(Locale.ROOT);
            if (Set.of("UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "REPLACE", "LPAD", "RPAD", "INITCAP", "REVERSE").contains(n)) {
                return SqlType.VARCHAR;
            }
            if (n.equals("LENGTH")) {
                return SqlType.BIGINT;
            }
            if (n.equals("MD5")) {
                return SqlType.VARCHAR;
            }
            if (!f.args().isEmpty()) {
                return infer(f.args().get(0));
            }
        }
        if (e instanceof Expr.CurrentDate || e instanceof Expr.LastDay) {
            return SqlType.DATE;
        }
        if (e instanceof Expr.Window w && List.of("ROW_NUMBER", "RANK", "DENSE_RANK").contains(w.fn())) {
            return SqlType.BIGINT;
        }
        if (e instanceof Expr.CurrentTimestamp || e instanceof Expr.EpochSeconds) {
            return SqlType.TIMESTAMP;
        }
        if (e instanceof Expr.FormatDate) {
            return SqlType.VARCHAR;
        }
        return SqlType.UNKNOWN;
    }

    // ---------------------------------------------------------------- assembly

    private LayerPlan assemble(List<Compiled> columns) {
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
                if (isSourceAlias(col.relation())) {
                    use.merge(col.relation(), 1, Integer::sum);
                    if (base == null && keyColumns.contains(c.name())) {
                        base = col.relation();
                    }
                }
            }
        }
        if (base == null) {
            base = use.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
        if (base == null) {
            for (Compiled c : columns) {
                if (c.expr() != null) {
                    for (Expr.Col col : Expr.columns(c.expr())) {
                        if (isSourceAlias(col.relation())) {
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
        if (base == null) {
            base = tables.isEmpty() ? tableFor(null, null, List.of()).alias() : tables.values().iterator().next().alias();
        }
        String baseAlias = base;
        Table baseTable = tables.values().stream().filter(t -> t.alias().equals(baseAlias)).findFirst().orElseThrow();

        boolean grouped = false;
        Map<String, LayerPlan.Join> joins = new LinkedHashMap<>();
        Map<String, AggBuilder> aggCtes = new LinkedHashMap<>();
        List<LayerPlan.Item> items = new ArrayList<>();
        List<Compiled> finalColumns = new ArrayList<>();
        Map<String, Expr> finalExprs = new LinkedHashMap<>();
        Map<String, String> reasons = new HashMap<>();
        boolean anyLeftHint = rows.stream().anyMatch(r -> leftText(String.valueOf(r.nullHandling()).toLowerCase(Locale.ROOT))
                || leftText(String.valueOf(r.join()).toLowerCase(Locale.ROOT)));

        for (Compiled c : columns) {
            if (c.flagged()) {
                reasons.put(c.name(), c.outcome().flagReason());
                finalColumns.add(c);
                continue;
            }
            Expr expr = c.expr();
            Set<String> relations = Expr.columns(expr).stream().map(Expr.Col::relation).filter(this::isSourceAlias)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            boolean agg = Expr.hasAggregate(expr);
            String problem = null;
            if (agg && !(relations.isEmpty() || (relations.size() == 1 && relations.contains(baseAlias)))) {
                // child rows aggregated in their own CTE, joined on the parent's key: no fan-out
                Set<String> others = new LinkedHashSet<>(relations);
                others.remove(baseAlias);
                String child = others.iterator().next();
                List<Edge> p = path(child, baseAlias);
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
                    boolean left = !p.stream().allMatch(e -> false) && (true || anyLeftHint);
                    joins.putIfAbsent(cteName, new LayerPlan.Join(left ? "LEFT JOIN" : "JOIN",
                            new LayerPlan.Relation(null, cteName, cteName, true),
                            new Expr.Bin("=", new Expr.Col(cteName, "__key"), new Expr.Col(baseAlias, last.rightColumn())),
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
                    List<Edge> p = path(baseAlias, rel);
                    if (p == null) {
                        problem = "no join from " + baseAlias + " to " + rel + " is given";
                        break;
                    }
                    for (Edge e : p) {
                        String key = e.rightAlias().toLowerCase(Locale.ROOT);
                        if (!joins.containsKey(key)) {
                            Table t = tables.values().stream().filter(x -> x.alias().equalsIgnoreCase(e.rightAlias())).findFirst().orElseThrow();
                            boolean left = e.left() || c.outcome().leftJoinHint();
                            joins.put(key, new LayerPlan.Join(left ? "LEFT JOIN" : "JOIN",
                                    new LayerPlan.Relation(t.schema(), t.name(), t.alias(), false),
                                    new Expr.Bin("=", new Expr.Col(e.rightAlias(), e.rightColumn()), new Expr.Col(e.leftAlias(), e.leftColumn())),
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
            if (c.outcome().defaultValue() != null) {
                Expr inner = expr instanceof Expr.Cast cast ? cast.expr() : expr;
                Expr dv = c.outcome().defaultValue();
                if (expr instanceof Expr.Cast && textual(infer(inner)) && dv instanceof Expr.Lit l && !(l.value() instanceof String)) {
                    // text still to be cast: COALESCE cannot mix it with a number, so the default is written as text too
                    dv = new Expr.Lit(l.value() instanceof java.math.BigDecimal bd ? bd.toPlainString() : String.valueOf(l.value()));
                }
                Expr withDefault = new Expr.Fn("COALESCE", List.of(inner, dv));
                expr = expr instanceof Expr.Cast cast ? new Expr.Cast(withDefault, cast.type(), cast.safe()) : withDefault;
            }
            finalExprs.put(c.name(), expr);
            finalColumns.add(c);
        }

        // lookups of reference tables: a CTE of their rows and a LEFT JOIN each
        Set<String> valueCtes = new LinkedHashSet<>();
        for (Lookup l : lookups) {
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
        for (Compiled c : finalColumns) {
            Expr e = finalExprs.get(c.name());
            String reason = reasons.get(c.name());
            String rule = c.rows().stream().map(r -> r.transformation() == null ? "" : r.transformation().trim())
                    .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(" | "));
            String refs = c.rows().stream().map(MappingRow::ref).distinct().collect(Collectors.joining(" "));
            if (e == null) {
                items.add(new LayerPlan.Item(c.name(), new Expr.TypedNull(c.type().known() ? c.type() : SqlType.VARCHAR), refs,
                        "TODO " + (rule.isEmpty() ? "(no rule)" : "\"" + rule + "\"") + " - " + reason));
                diagnostics.add(new Diagnostic(Diagnostic.WARNING, "rule_not_compiled",
                        target + "." + c.name() + ": " + reason, null, c.ref()));
            } else {
                items.add(new LayerPlan.Item(c.name(), e, refs, null));
                if (grouped && !Expr.hasAggregate(e) && !Expr.columns(e).isEmpty()) {
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
        List<String> whereTodos = new ArrayList<>();
        List<String> whereRefs = new ArrayList<>();
        Set<String> seenFilters = new LinkedHashSet<>();
        for (MappingRow r : rows) {
            if (r.filter() == null || r.filter().isBlank() || !seenFilters.add(r.filter().trim())) {
                continue;
            }
            Matcher excluding = EXCLUDING_FILTER.matcher(r.filter().trim());
            String text = excluding.matches() ? (excluding.group(1) != null ? excluding.group(1) : excluding.group(2))
                    : r.filter().trim().replaceFirst("(?i)^(?:(?:include|keep|select)\\s+(?:only\\s+)?(?:(?:the\\s+)?(?:rows|records)\\s+)?"
                    + "(?:where|when|with)|where|filter:?|only(?:\\s+(?:rows|records))?(?:\\s+where)?)\\s+", "");
            SqlExpressionParser parser = new SqlExpressionParser((q, n) -> resolveFilterName(r, q, n));
            try {
                Expr f = typeFix(parser.parse(text), null);
                if (excluding.matches()) {
                    // rows the condition cannot judge (NULL) are kept: only what it says is excluded
                    f = new Expr.Not(new Expr.Fn("COALESCE", List.of(f, new Expr.Lit(false))));
                }
                if (Expr.columns(f).stream().anyMatch(c -> !isSourceAlias(c.relation()) || !c.relation().equals(baseAlias)
                        && !joins.containsKey(c.relation().toLowerCase(Locale.ROOT)))) {
                    throw new SqlExpressionParser.NotCompilable("filter reads a table the view does not join");
                }
                where.add(f);
                whereRefs.add(r.ref());
            } catch (SqlExpressionParser.NotCompilable ex) {
                whereTodos.add("TODO filter " + r.ref() + " not applied: \"" + r.filter().trim() + "\" - " + ex.getMessage());
                diagnostics.add(new Diagnostic(Diagnostic.ERROR, "filter_not_compiled",
                        "filter \"" + r.filter().trim() + "\" of target " + target + " is not applied: " + ex.getMessage(), null, r.ref()));
            }
        }

        List<String> sourceTables = new ArrayList<>();
        sourceTables.add(qualifiedName(baseTable));
        joins.values().stream().filter(j -> !j.relation().cte()).forEach(j -> sourceTables.add(
                j.relation().schema() == null ? j.relation().name() : j.relation().schema() + "." + j.relation().name()));
        aggCtes.values().forEach(b -> {
            b.path.forEach(e -> tables.values().stream().filter(t -> t.alias().equalsIgnoreCase(e.leftAlias())).findFirst()
                    .ifPresent(t -> sourceTables.add(qualifiedName(t))));
        });

        LayerPlan.Branch branch = new LayerPlan.Branch(new LayerPlan.Relation(baseTable.schema(), baseTable.name(), baseTable.alias(), false),
                new ArrayList<>(joins.values()), items, where, whereTodos, groupBy,
                rows.stream().map(MappingRow::ref).distinct().toList(), whereRefs);
        return new LayerPlan(target, ctes, List.of(branch), infos, sourceTables.stream().distinct().toList(), keyColumns);
    }

    private List<String> sourcesOf(Compiled c) {
        List<String> out = new ArrayList<>();
        for (MappingRow r : c.rows()) {
            for (SourceRef s : r.sourceColumns()) {
                Table t = tableOf(r, s);
                out.add(t.name() + "." + s.column().trim());
            }
        }
        return out.stream().distinct().toList();
    }

    private String lineage(Expr.Col c) {
        for (Table t : tables.values()) {
            if (t.alias().equals(c.relation())) {
                return t.name() + "." + c.column();
            }
        }
        for (Lookup l : lookups) {
            if (l.alias().equals(c.relation()) || l.wildcardAlias() != null && l.wildcardAlias().equals(c.relation())) {
                return l.map().name() + "." + c.column();
            }
        }
        return null;
    }

    private static String qualifiedName(Table t) {
        return t.schema() == null ? t.name() : t.schema() + "." + t.name();
    }

    private boolean isSourceAlias(String alias) {
        return alias != null && tables.values().stream().anyMatch(t -> t.alias().equals(alias));
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
            Table childTable = tables.values().stream().filter(t -> t.alias().equals(child)).findFirst().orElseThrow();
            List<LayerPlan.Join> cteJoins = new ArrayList<>();
            for (int i = 0; i < path.size() - 1; i++) {
                Edge e = path.get(i);
                Table t = tables.values().stream().filter(x -> x.alias().equalsIgnoreCase(e.rightAlias())).findFirst().orElseThrow();
                cteJoins.add(new LayerPlan.Join("JOIN", new LayerPlan.Relation(t.schema(), t.name(), t.alias(), false),
                        new Expr.Bin("=", new Expr.Col(e.rightAlias(), e.rightColumn()), new Expr.Col(e.leftAlias(), e.leftColumn())),
                        e.ref() == null ? List.of() : List.of(e.ref())));
            }
            Edge last = path.get(path.size() - 1);
            return new LayerPlan.AggregateCte(name, new LayerPlan.Relation(childTable.schema(), childTable.name(), childTable.alias(), false),
                    cteJoins, List.of(new Expr.Col(last.leftAlias(), last.leftColumn())), List.of("__key"), items, refs);
        }
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && ((t.startsWith("\"") && t.endsWith("\"")) || (t.startsWith("`") && t.endsWith("`"))
                || (t.startsWith("[") && t.endsWith("]")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
