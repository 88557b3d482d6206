package io.aide.aihub.modeler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a star schema from the table roles: one fact per fact table at its own grain, with the dimensions it
 * references directly or through its transaction header (whose date and descriptive columns move onto the fact);
 * dimensions flattened over the tables they reference (snowflake outriggers); a calendar dimension for the facts'
 * dates; and for a lone denormalized table, dimensions split off along the functional dependencies its sample shows.
 */
public final class StarSchemaDesigner {
    /** Largest share of distinct values among present ones for a text column to be a dimension attribute. */
    static final double LOW_CARDINALITY = 0.5;
    /** "Item Description" describes an item, "Project Code" names a project: the dimension takes the entity's name. */
    private static final java.util.regex.Pattern DESCRIPTIVE_SUFFIX = java.util.regex.Pattern.compile(
            "_(description|desc|name|code|cd|title|label|text)$");

    private final SchemaGraph graph;
    private final TableRoles roles;
    private final Map<String, StarSchema.Dimension> dimensions = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedBy = new HashMap<>();
    private final List<StarSchema.Fact> facts = new ArrayList<>();

    private StarSchemaDesigner(SchemaGraph graph, TableRoles roles) {
        this.graph = graph;
        this.roles = roles;
    }

    public static StarSchema design(SchemaGraph graph, TableRoles roles) {
        StarSchemaDesigner d = new StarSchemaDesigner(graph, roles);
        for (TableProfile t : graph.tables()) {
            TableRoles.Role role = roles.role(t.name());
            if (role == TableRoles.Role.FACT || role == TableRoles.Role.FACTLESS_FACT) {
                d.fact(t);
            }
        }
        List<StarSchema.Dimension> dims = new ArrayList<>();
        for (StarSchema.Dimension dim : d.dimensions.values()) {
            dims.add(new StarSchema.Dimension(dim.name(), dim.source(), dim.naturalKey(), dim.attributes(),
                    List.copyOf(d.usedBy.getOrDefault(dim.name(), Set.of())), dim.folded()));
        }
        return new StarSchema(dims, d.facts);
    }

    private void fact(TableProfile t) {
        String name = "fact_" + t.entity();
        List<StarSchema.DimensionKey> keys = new ArrayList<>();
        List<StarSchema.Attribute> degenerate = new ArrayList<>();
        List<StarSchema.Attribute> measures = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        boolean related = !graph.outgoing(t.name()).isEmpty() || !graph.incoming(t.name()).isEmpty();
        collect(t, name, keys, degenerate, joins, seenKeys, true);
        for (ColumnProfile m : roles.measures(t)) {
            measures.add(new StarSchema.Attribute(Names.snake(m.name()), m.type(), t.name() + "." + m.name()));
        }
        if (!related) {
            splitDenormalized(t, name, keys, degenerate);
        }
        if (measures.isEmpty()) {
            measures.add(new StarSchema.Attribute(t.entity() + "_count", ColumnProfile.LogicalType.INTEGER,
                    "1 per row of " + t.name()));
        }
        String grain = "one row per " + (t.key().isEmpty() ? "row" : t.entity()) + " of " + t.name()
                + (t.key().isEmpty() ? "" : " (" + String.join(", ", t.key()) + ")");
        facts.add(new StarSchema.Fact(name, t.name(), grain, keys, measures, degenerate, joins));
    }

    /** The keys, dates and descriptive columns of a fact table, and through its references those of its headers. */
    private void collect(TableProfile t, String fact, List<StarSchema.DimensionKey> keys,
                         List<StarSchema.Attribute> degenerate, List<String> joins, Set<String> seen, boolean own) {
        for (String k : t.key()) {
            ColumnProfile c = t.column(k);
            addDegenerate(degenerate, seen, Names.snake(t.key().size() == 1 && Names.snake(k).equals("id")
                    ? t.entity() + "_id" : k), c == null ? ColumnProfile.LogicalType.TEXT : c.type(), t.name() + "." + k);
        }
        // direct dimension references first, so a fact's own customer_id wins over its header's
        List<Relationship> outgoing = new ArrayList<>(graph.outgoing(t.name()));
        outgoing.sort((a, b) -> Boolean.compare(!isDimension(a), !isDimension(b)));
        for (Relationship r : outgoing) {
            TableProfile target = graph.table(r.toTable());
            if (target == null || target == t) {
                continue;
            }
            TableRoles.Role role = roles.role(target.name());
            String via = t.name() + "." + String.join(", ", r.fromColumns());
            if (role == TableRoles.Role.DIMENSION) {
                StarSchema.Dimension dim = dimension(target);
                usedBy.computeIfAbsent(dim.name(), x -> new LinkedHashSet<>()).add(fact);
                String column = keyColumn(r, target);
                if (seen.add(column)) {
                    keys.add(new StarSchema.DimensionKey(column, dim.name(), via));
                }
            } else if (role == TableRoles.Role.HEADER || role == TableRoles.Role.FACT
                    || role == TableRoles.Role.FACTLESS_FACT) {
                // the header's keys, date and status describe each of this fact's rows
                joins.add(t.name() + " JOIN " + target.name() + " ON " + condition(t, r, target));
                collect(target, fact, keys, degenerate, joins, seen, false);
            }
        }
        for (ColumnProfile d : roles.dates(t)) {
            String column = Names.snake(d.name()) + "_key";
            if (seen.add(column)) {
                StarSchema.Dimension calendar = dimensions.computeIfAbsent("dim_date", x -> calendar());
                usedBy.computeIfAbsent(calendar.name(), x -> new LinkedHashSet<>()).add(fact);
                keys.add(new StarSchema.DimensionKey(column, "dim_date", t.name() + "." + d.name()));
            }
        }
        if (graph.outgoing(t.name()).isEmpty() && graph.incoming(t.name()).isEmpty()) {
            return;
        }
        for (ColumnProfile a : roles.attributes(t)) {
            addDegenerate(degenerate, seen, Names.snake(a.name()), a.type(), t.name() + "." + a.name());
        }
    }

    private boolean isDimension(Relationship r) {
        TableProfile target = graph.table(r.toTable());
        return target != null && roles.role(target.name()) == TableRoles.Role.DIMENSION;
    }

    private static void addDegenerate(List<StarSchema.Attribute> degenerate, Set<String> seen, String name,
                                      ColumnProfile.LogicalType type, String from) {
        if (seen.add(name)) {
            degenerate.add(new StarSchema.Attribute(name, type, from));
        }
    }

    private static String condition(TableProfile from, Relationship r, TableProfile to) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < r.fromColumns().size() && i < r.toColumns().size(); i++) {
            parts.add(from.name() + "." + r.fromColumns().get(i) + " = " + to.name() + "." + r.toColumns().get(i));
        }
        return String.join(" AND ", parts);
    }

    /** customer_key for a customer dimension; a role name when the column names another role (user_id: user_key). */
    private static String keyColumn(Relationship r, TableProfile target) {
        if (r.fromColumns().size() == 1) {
            String role = Names.referencedEntity(r.fromColumns().get(0));
            if (role != null && !role.equals(target.entity())) {
                return role + "_key";
            }
        }
        return target.entity() + "_key";
    }

    private StarSchema.Dimension dimension(TableProfile t) {
        String name = "dim_" + t.entity();
        StarSchema.Dimension existing = dimensions.get(name);
        if (existing != null) {
            return existing;
        }
        List<StarSchema.Attribute> key = new ArrayList<>();
        for (String k : t.key()) {
            ColumnProfile c = t.column(k);
            key.add(new StarSchema.Attribute(Names.snake(t.key().size() == 1 && Names.snake(k).equals("id")
                    ? t.entity() + "_id" : k), c == null ? ColumnProfile.LogicalType.TEXT : c.type(), t.name() + "." + k));
        }
        List<StarSchema.Attribute> attrs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        key.forEach(a -> names.add(a.name()));
        List<String> folded = new ArrayList<>();
        flatten(t, "", attrs, names, folded, new HashSet<>());
        StarSchema.Dimension dim = new StarSchema.Dimension(name, t.name(), key, attrs, List.of(), folded);
        dimensions.put(name, dim);
        return dim;
    }

    /** The table's descriptive columns, then those of the tables it references (category of a product), prefixed. */
    private void flatten(TableProfile t, String prefix, List<StarSchema.Attribute> attrs, Set<String> names,
                         List<String> folded, Set<String> visited) {
        if (!visited.add(SchemaGraph.lower(t.name()))) {
            return;
        }
        for (ColumnProfile c : t.columns()) {
            if (roles.isKey(t, c) || graph.referencing(t.name(), c.name())) {
                continue;
            }
            String n = prefix + Names.snake(c.name());
            if (names.add(n)) {
                attrs.add(new StarSchema.Attribute(n, c.type(), t.name() + "." + c.name()));
            }
        }
        for (Relationship r : graph.outgoing(t.name())) {
            TableProfile outrigger = graph.table(r.toTable());
            if (outrigger != null && roles.role(outrigger.name()) == TableRoles.Role.DIMENSION) {
                folded.add(outrigger.name());
                flatten(outrigger, outrigger.entity() + "_", attrs, names, folded, visited);
            }
        }
    }

    /**
     * A lone wide table: each text column that repeats on the sample starts a dimension, and takes the columns it
     * determines (every value of it goes with one value of theirs: item description determines brand).
     */
    private void splitDenormalized(TableProfile t, String fact, List<StarSchema.DimensionKey> keys,
                                   List<StarSchema.Attribute> degenerate) {
        if (!t.hasSample()) {
            for (ColumnProfile a : roles.attributes(t)) {
                degenerate.add(new StarSchema.Attribute(Names.snake(a.name()), a.type(), t.name() + "." + a.name()));
            }
            return;
        }
        List<ColumnProfile> candidates = new ArrayList<>();
        for (ColumnProfile a : roles.attributes(t)) {
            if (a.type() == ColumnProfile.LogicalType.TEXT && a.distinct() >= 2
                    && a.distinct() <= a.nonNull() * LOW_CARDINALITY) {
                candidates.add(a);
            } else {
                degenerate.add(new StarSchema.Attribute(Names.snake(a.name()), a.type(), t.name() + "." + a.name()));
            }
        }
        candidates.sort((a, b) -> Integer.compare(b.distinct(), a.distinct()));
        Set<String> assigned = new HashSet<>();
        for (ColumnProfile head : candidates) {
            if (assigned.contains(head.name())) {
                continue;
            }
            assigned.add(head.name());
            List<StarSchema.Attribute> attrs = new ArrayList<>();
            for (ColumnProfile other : candidates) {
                if (!assigned.contains(other.name()) && other.distinct() <= head.distinct()
                        && determines(t.sample(), head.name(), other.name())) {
                    assigned.add(other.name());
                    attrs.add(new StarSchema.Attribute(Names.snake(other.name()), other.type(),
                            t.name() + "." + other.name()));
                }
            }
            String name = "dim_" + Names.entity(DESCRIPTIVE_SUFFIX.matcher(Names.snake(head.name())).replaceFirst(""));
            StarSchema.Dimension dim = new StarSchema.Dimension(name, t.name() + " (split off)",
                    List.of(new StarSchema.Attribute(Names.snake(head.name()), head.type(), t.name() + "." + head.name())),
                    attrs, List.of(), List.of());
            dimensions.putIfAbsent(name, dim);
            usedBy.computeIfAbsent(name, x -> new LinkedHashSet<>()).add(fact);
            keys.add(new StarSchema.DimensionKey(dim.surrogateKey(), name, t.name() + "." + head.name()));
        }
    }

    /** Whether each present value of {@code from} goes with a single value of {@code to} on the sample. */
    static boolean determines(SampleRows.Table sample, String from, String to) {
        List<String> a = sample.values(from);
        List<String> b = sample.values(to);
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < a.size() && i < b.size(); i++) {
            if (ColumnProfile.isNull(a.get(i))) {
                continue;
            }
            String value = ColumnProfile.isNull(b.get(i)) ? "" : b.get(i).strip();
            String previous = seen.putIfAbsent(a.get(i).strip(), value);
            if (previous != null && !previous.equals(value)) {
                return false;
            }
        }
        return !seen.isEmpty();
    }

    private static StarSchema.Dimension calendar() {
        ColumnProfile.LogicalType i = ColumnProfile.LogicalType.INTEGER;
        return new StarSchema.Dimension("dim_date", null,
                List.of(new StarSchema.Attribute("calendar_date", ColumnProfile.LogicalType.DATE, "generated calendar")),
                List.of(new StarSchema.Attribute("year", i, "calendar_date"),
                        new StarSchema.Attribute("quarter", i, "calendar_date"),
                        new StarSchema.Attribute("month", i, "calendar_date"),
                        new StarSchema.Attribute("day_of_month", i, "calendar_date"),
                        new StarSchema.Attribute("day_of_week", i, "calendar_date")),
                List.of(), List.of());
    }
}
