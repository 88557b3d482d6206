package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The source tables one target reads: resolves the names the mapping gives (system, table, columns) against the
 * registered schema, gives each table an alias, and answers what a table has and how a column is spelled.
 */
final class SourceTables {
    static final String PLACEHOLDER_TABLE = "source";

    record Table(String schema, String name, String alias) {
    }

    private final MappingSpec spec;
    private final SchemaCatalog catalog;
    private final String target;
    private final List<Diagnostic> diagnostics;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, List<String>> ambiguous = new HashMap<>();

    SourceTables(MappingSpec spec, SchemaCatalog catalog, String target, List<Diagnostic> diagnostics) {
        this.spec = spec;
        this.catalog = catalog;
        this.target = target;
        this.diagnostics = diagnostics;
    }

    /** Whether the name is a target of the mapping (another than this one). */
    boolean isOtherTarget(String name) {
        String n = name == null ? "" : name.strip();
        return !n.equalsIgnoreCase(target) && spec.rows().stream().anyMatch(r -> r.targetTable() != null
                && r.targetTable().strip().equalsIgnoreCase(n));
    }

    SchemaCatalog catalog() {
        return catalog;
    }

    /** The tables resolved so far, in the order they were first named. */
    Collection<Table> all() {
        return tables.values();
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /**
     * The reference names the target itself as its table ("dim_account.customer_age" in a row of dim_account): it reads
     * another column of the same target, unless a registered table has the target's name.
     */
    boolean ownTarget(MappingRow row, SourceRef ref) {
        String name = ref.table() != null && !ref.table().isBlank() ? ref.table() : row.sourceTable();
        return name != null && name.trim().equalsIgnoreCase(target) && (catalog == null || catalog.table(name.trim()).isEmpty())
                && readsOtherTables();
    }

    private Boolean readsOthers;

    /**
     * No source table shares the target's name (see {@link UpstreamTargets#sourceNamedLike}): only then is the target's
     * own name a reference to its columns; "customers" from "customers" reads that source.
     */
    private boolean readsOtherTables() {
        if (readsOthers == null) {
            readsOthers = !UpstreamTargets.sourceNamedLike(target, spec.rowsByTarget().getOrDefault(target, List.of()));
        }
        return readsOthers;
    }

    Table tableOf(MappingRow row, SourceRef ref) {
        String name = listed(ref.table() != null && !ref.table().isBlank() ? ref.table() : row.sourceTable(), ref.column());
        String system = ref.system() != null && !ref.system().isBlank() ? ref.system() : row.sourceSystem();
        return tableFor(system, name, List.of(ref.column()));
    }

    /**
     * "LEASE / DIM_PROPERTY" with the column PROP_CD: the first table the cell lists that has the column (the others
     * are looked up); the cell as it is otherwise.
     */
    private String listed(String cell, String column) {
        if (cell == null || catalog == null || column == null || !cell.matches(".*(?:/|,|&|;|\\band\\b).*")) {
            return cell;
        }
        for (String part : cell.split("\\s*(?:/|,|&|;|\\band\\b)\\s*")) {
            Optional<SchemaCatalog.Table> t = part.isBlank() ? Optional.empty() : catalog.table(part.strip());
            if (t.isPresent() && t.get().column(column.strip()).isPresent()) {
                return part.strip();
            }
        }
        return cell;
    }

    /** False when the reference names no registered table and several registered tables have its column. */
    boolean resolvesAlone(MappingRow row, SourceRef ref) {
        String name = listed(ref.table() != null && !ref.table().isBlank() ? ref.table() : row.sourceTable(), ref.column());
        if (catalog == null || ref.column() == null || name != null && !name.isBlank() && catalog.table(name).isPresent()) {
            return true;
        }
        return catalog.tables().stream().filter(t -> t.column(ref.column()).isPresent()
                || splitComposite(ref.column()).stream().allMatch(p -> t.column(p).isPresent())).count() <= 1;
    }

    Table tableFor(String system, String name, List<String> columns) {
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
        } else if (resolvedSchema == null && (catalog == null || catalog.table(resolvedName).isEmpty())) {
            // "JMDC.Diagnosis" written in one cell: a schema and a table, as in SQL
            int dot = resolvedName.lastIndexOf('.');
            if (dot > 0 && dot < resolvedName.length() - 1) {
                resolvedSchema = resolvedName.substring(0, dot).trim();
                resolvedName = resolvedName.substring(dot + 1).trim();
            }
        }
        String key = key(resolvedSchema, resolvedName);
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

    Optional<SchemaCatalog.Table> tableContaining(List<String> columns, String schema) {
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
        if (containing.size() > 1) {
            // several tables have the column: the one this target already reads, as a person would take it
            List<SchemaCatalog.Table> inUse = containing.stream().filter(t -> tables.containsKey(key(t.schema(), t.name()))).toList();
            if (inUse.size() == 1) {
                return Optional.of(inUse.get(0));
            }
            ambiguous.put(columnKey(columns), containing.stream().map(t -> qualifiedName(t.schema(), t.name())).toList());
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** The registered tables that all have the columns a row names without a table, when more than one does (else null). */
    List<String> ambiguity(List<String> columns) {
        return ambiguous.get(columnKey(columns));
    }

    private static String columnKey(List<String> columns) {
        return columns.stream().filter(Objects::nonNull).map(c -> c.trim().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static String key(String schema, String name) {
        return ((schema == null ? "" : schema + ".") + name).toLowerCase(Locale.ROOT);
    }

    private static String qualifiedName(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /** Aliases the target's join cells declare (lower case) -> table name; "" where two cells disagree. */
    private final Map<String, String> declaredAliases = new HashMap<>();

    /**
     * An alias a join cell declares ("orders o"): it names the table in every rule and filter of the target; an alias
     * two cells give to different tables names neither.
     */
    void declareAlias(String alias, String table) {
        String a = alias.toLowerCase(Locale.ROOT);
        String before = declaredAliases.putIfAbsent(a, table);
        if (before != null && !before.equalsIgnoreCase(table)) {
            declaredAliases.put(a, "");
        }
    }

    Table findTable(String qualifier) {
        if (qualifier == null) {
            return null;
        }
        String q = unquote(qualifier).toLowerCase(Locale.ROOT);
        String declared = declaredAliases.get(q);
        if (declared != null && !declared.isEmpty() && !declared.equalsIgnoreCase(q)) {
            Table aliased = findTable(declared);
            if (aliased != null) {
                return aliased;
            }
        }
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

    boolean catalogKnows(Table t) {
        return catalog != null && catalog.table(t.schema(), t.name()).isPresent();
    }

    boolean hasColumn(Table t, String column) {
        return catalog != null && catalog.table(t.schema(), t.name()).flatMap(x -> x.column(column)).isPresent();
    }

    String canonicalColumn(Table t, String column) {
        if (catalog == null) {
            return column;
        }
        return catalog.table(t.schema(), t.name()).flatMap(x -> x.column(column)).map(SchemaCatalog.Column::name).orElse(column);
    }

    static List<String> splitComposite(String column) {
        if (column == null) {
            return List.of();
        }
        return List.of(column.split("\\s*\\+\\s*"));
    }

    List<String> sourceTableNames() {
        Set<String> names = new LinkedHashSet<>();
        for (MappingRow r : spec.rows()) {
            if (r.sourceTable() != null && !r.sourceTable().isBlank()) {
                names.add(r.sourceTable().trim());
            }
            r.sourceColumns().stream().map(SourceRef::table).filter(t -> t != null && !t.isBlank()).forEach(names::add);
        }
        return List.copyOf(names);
    }

    SqlType columnType(Expr.Col c) {
        for (Table t : tables.values()) {
            if (t.alias().equals(c.relation()) && catalog != null) {
                return catalog.table(t.schema(), t.name()).flatMap(x -> x.column(c.column()))
                        .map(col -> SqlType.parse(col.type())).orElse(SqlType.UNKNOWN);
            }
        }
        return c.relation() != null && c.relation().startsWith("lk_") ? SqlType.VARCHAR : SqlType.UNKNOWN;
    }

    static String qualifiedName(Table t) {
        return t.schema() == null ? t.name() : t.schema() + "." + t.name();
    }

    boolean isSourceAlias(String alias) {
        return alias != null && tables.values().stream().anyMatch(t -> t.alias().equals(alias));
    }

    static String safeName(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return n.isEmpty() ? "x" : n;
    }

    static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && ((t.startsWith("\"") && t.endsWith("\"")) || (t.startsWith("`") && t.endsWith("`"))
                || (t.startsWith("[") && t.endsWith("]")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /**
     * "Claims with status V" over clm_claim_hdr.CLM_STATUS: the one column of the named table whose last part the word is
     * (a filter names columns as the rows' own); null when none or several, or the table is not registered.
     */
    Expr.Col endingIn(String tableName, String word) {
        if (word.length() < 4 || !word.matches("[A-Za-z]+")) {
            return null;
        }
        String suffix = "_" + word.toLowerCase(Locale.ROOT);
        List<Expr.Col> ending = columnsOfOwnTable(tableName).stream()
                .filter(c -> c.column().toLowerCase(Locale.ROOT).endsWith(suffix)).toList();
        return ending.size() == 1 ? ending.get(0) : null;
    }

    /**
     * Every registered column of a row's own source table, as the view reads it: a filter may name any of them, in words
     * too ("stops with status code D" for stop_status_cd); none when the table is not registered or not read.
     */
    List<Expr.Col> columnsOfOwnTable(String tableName) {
        String own = tableName == null ? null : tableName.trim();
        Table table = own == null || catalog == null ? null
                : all().stream().filter(t -> t.name().equalsIgnoreCase(own)).findFirst().orElse(null);
        return table == null ? List.of() : catalog.table(unquote(own)).map(t -> t.columns().stream()
                .map(c -> new Expr.Col(table.alias(), c.name())).toList()).orElse(List.of());
    }
}
