package io.aide.aihub.modeler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tables, keys and relationships of a schema: the declared foreign keys, and where a source declares none (sample
 * files, legacy databases) the references a key column's name or its sample values show. Pure; no framework.
 */
public final class SchemaGraph {
    /** Share of a column's sample values that must exist in the referenced key for a name-based reference to hold. */
    static final double NAME_MATCH_SHARE = 0.5;
    /** Fewest distinct sample values for a reference inferred from values alone. */
    static final int VALUE_MATCH_MIN_DISTINCT = 3;

    private final SchemaSnapshot snapshot;
    private final Map<String, TableProfile> tables = new LinkedHashMap<>();
    private final List<Relationship> relationships = new ArrayList<>();
    private final List<Relationship.ManyToMany> manyToMany = new ArrayList<>();
    /** Relationships by lower-case table name, so lookups stay cheap on schemas of hundreds of tables. */
    private final Map<String, List<Relationship>> bySource = new java.util.HashMap<>();
    private final Map<String, List<Relationship>> byTarget = new java.util.HashMap<>();

    private SchemaGraph(SchemaSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public static SchemaGraph of(SchemaSnapshot snapshot, SampleRows sample) {
        SchemaGraph graph = new SchemaGraph(snapshot);
        for (SchemaSnapshot.Table table : snapshot.tables()) {
            SampleRows.Table rows = sample.table(table.name()).orElse(null);
            List<ColumnProfile> columns = table.columns().stream()
                    .map(c -> ColumnProfile.of(c, rows == null ? List.of() : rows.values(c.name())))
                    .toList();
            boolean declared = !table.primaryKey().isEmpty();
            List<String> key = declared ? table.primaryKey() : inferKey(table, columns);
            graph.tables.put(lower(table.name()), new TableProfile(table, columns, key, declared, rows));
        }
        graph.addDeclared();
        graph.inferReferences();
        graph.findBridges();
        return graph;
    }

    public SchemaSnapshot snapshot() {
        return snapshot;
    }

    public List<TableProfile> tables() {
        return List.copyOf(tables.values());
    }

    public TableProfile table(String name) {
        return tables.get(lower(name));
    }

    public List<Relationship> relationships() {
        return List.copyOf(relationships);
    }

    public List<Relationship.ManyToMany> manyToMany() {
        return List.copyOf(manyToMany);
    }

    public List<Relationship> outgoing(String table) {
        return bySource.getOrDefault(lower(table), List.of());
    }

    public List<Relationship> incoming(String table) {
        return byTarget.getOrDefault(lower(table), List.of()).stream()
                .filter(r -> !r.fromTable().equalsIgnoreCase(table)).toList();
    }

    private Map<String, List<TableProfile>> entities;

    private Map<String, List<TableProfile>> byEntity() {
        if (entities == null) {
            entities = new java.util.HashMap<>();
            tables.values().forEach(t -> entities.computeIfAbsent(t.entity(), k -> new ArrayList<>()).add(t));
        }
        return entities;
    }

    private void add(Relationship r) {
        relationships.add(r);
        bySource.computeIfAbsent(lower(r.fromTable()), k -> new ArrayList<>()).add(r);
        byTarget.computeIfAbsent(lower(r.toTable()), k -> new ArrayList<>()).add(r);
    }

    /** Whether the column takes part in a reference from its table. */
    public boolean referencing(String table, String column) {
        return outgoing(table).stream().anyMatch(r -> r.fromColumns().stream().anyMatch(column::equalsIgnoreCase));
    }

    private static List<String> inferKey(SchemaSnapshot.Table table, List<ColumnProfile> columns) {
        String entity = Names.entity(table.name());
        ColumnProfile best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < columns.size(); i++) {
            ColumnProfile c = columns.get(i);
            if (!c.identifierName() || (c.hasSample() && !c.uniqueOnSample())) {
                continue;
            }
            String ref = Names.referencedEntity(c.name());
            // id, then the table's own <entity>_id, then an identifier naming nothing else; on a sample, the first
            // unique identifier even when its name reads like a reference (USUBJID of a subjects table)
            int rank = Names.snake(c.name()).equals("id") ? 0 : entity.equals(ref) ? 1 : ref == null ? 2
                    : c.hasSample() ? 3 + i : -1;
            if (rank >= 0 && rank < bestRank) {
                best = c;
                bestRank = rank;
            }
        }
        return best == null ? List.of() : List.of(best.name());
    }

    private void addDeclared() {
        for (TableProfile t : tables.values()) {
            for (SchemaSnapshot.ForeignKey fk : t.table().foreignKeys()) {
                TableProfile target = table(fk.referencedTable());
                String toTable = target == null ? fk.referencedTable() : target.name();
                add(new Relationship(t.name(), fk.columns(), toTable, fk.referencedColumns(),
                        Relationship.Origin.DECLARED, cardinality(t, fk.columns())));
            }
        }
    }

    /** By name first over every table, then by values: a table already known as a child is no parent candidate. */
    private void inferReferences() {
        inferReferences(false);
        inferReferences(true);
    }

    private void inferReferences(boolean byValuesPass) {
        for (TableProfile t : tables.values()) {
            for (ColumnProfile c : t.columns()) {
                if (t.key().size() == 1 && t.key().get(0).equalsIgnoreCase(c.name()) || referencing(t.name(), c.name())
                        || !c.identifierName() && Names.referencedEntity(c.name()) == null) {
                    continue;
                }
                TableProfile byName = byValuesPass ? null : byName(t, c);
                if (byName != null) {
                    add(new Relationship(t.name(), List.of(c.name()), byName.name(),
                            List.of(byName.singleKey()), Relationship.Origin.NAME, cardinality(t, List.of(c.name()))));
                    continue;
                }
                TableProfile byValues = byValuesPass && c.identifierName() ? byValues(t, c) : null;
                if (byValues != null) {
                    add(new Relationship(t.name(), List.of(c.name()), byValues.name(),
                            List.of(byValues.singleKey()), Relationship.Origin.VALUES,
                            cardinality(t, List.of(c.name()))));
                }
            }
        }
    }

    private TableProfile byName(TableProfile from, ColumnProfile column) {
        String entity = Names.referencedEntity(column.name());
        if (entity == null) {
            return null;
        }
        for (TableProfile target : byEntity().getOrDefault(entity, List.of())) {
            if (target == from || target.singleKey() == null) {
                continue;
            }
            if (!from.hasSample() || !target.hasSample()
                    || containedShare(from, column.name(), target) >= NAME_MATCH_SHARE) {
                return target;
            }
        }
        return null;
    }

    /** The one other table whose key holds every sample value of the column; none when zero or several do. */
    private TableProfile byValues(TableProfile from, ColumnProfile column) {
        if (!from.hasSample() || column.distinct() < VALUE_MATCH_MIN_DISTINCT) {
            return null;
        }
        TableProfile found = null;
        for (TableProfile target : tables.values()) {
            if (target == from || target.singleKey() == null || !target.hasSample()
                    || target.column(target.singleKey()).type() != column.type() || references(target, from)) {
                continue;
            }
            if (containedShare(from, column.name(), target) == 1.0) {
                if (found != null) {
                    return null;
                }
                found = target;
            }
        }
        return found;
    }

    private boolean references(TableProfile from, TableProfile to) {
        return outgoing(from.name()).stream().anyMatch(r -> r.toTable().equalsIgnoreCase(to.name()));
    }

    /** Share of the column's distinct present sample values found among the target's sampled key values. */
    double containedShare(TableProfile from, String column, TableProfile target) {
        Set<String> keys = presentValues(target.sample().values(target.singleKey()));
        Set<String> values = presentValues(from.sample().values(column));
        if (values.isEmpty()) {
            return 0;
        }
        return values.stream().filter(keys::contains).count() / (double) values.size();
    }

    static Set<String> presentValues(List<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            if (!ColumnProfile.isNull(v)) {
                out.add(v.strip());
            }
        }
        return out;
    }

    private static Relationship.Cardinality cardinality(TableProfile from, List<String> columns) {
        boolean isKey = !from.key().isEmpty() && from.key().size() == columns.size()
                && from.key().stream().allMatch(k -> columns.stream().anyMatch(k::equalsIgnoreCase));
        boolean uniqueOnSample = columns.size() == 1 && from.column(columns.get(0)) != null
                && from.column(columns.get(0)).uniqueOnSample();
        return isKey || uniqueOnSample ? Relationship.Cardinality.ONE_TO_ONE : Relationship.Cardinality.ONE_TO_MANY;
    }

    /** A table whose rows only pair keys of two or more others (and perhaps a date or a flag) is a bridge. */
    private void findBridges() {
        for (TableProfile t : tables.values()) {
            List<Relationship> out = outgoing(t.name());
            Set<String> targets = new HashSet<>();
            out.forEach(r -> targets.add(lower(r.toTable())));
            if (targets.size() < 2) {
                continue;
            }
            long payload = t.columns().stream()
                    .filter(c -> !referencing(t.name(), c.name()) && t.key().stream().noneMatch(c.name()::equalsIgnoreCase))
                    .filter(c -> !c.type().temporal() && c.type() != ColumnProfile.LogicalType.BOOLEAN)
                    .count();
            if (payload == 0) {
                List<String> names = out.stream().map(Relationship::toTable).distinct().toList();
                for (int i = 0; i < names.size(); i++) {
                    for (int j = i + 1; j < names.size(); j++) {
                        manyToMany.add(new Relationship.ManyToMany(names.get(i), names.get(j), t.name()));
                    }
                }
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
